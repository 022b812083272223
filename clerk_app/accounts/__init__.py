"""Who may use the counter and what each may do: sign-in and lock-out (:mod:`.auth`), roles
(:mod:`.roles`), the permission checks every service operation carries (:mod:`.authz`), user
accounts (:mod:`.users`) and the password policy (:mod:`.password_policy`).
"""

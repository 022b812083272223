<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CallerPanel</name>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="104"/>
        <source>Call next</source>
        <translation>Call next</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="105"/>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="106"/>
        <source>No-show</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="107"/>
        <source>Start service</source>
        <translation>Start service</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="108"/>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="109"/>
        <source>Transfer…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="110"/>
        <source>Park…</source>
        <translation>Park…</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="111"/>
        <location filename="../../ui/clerk/caller_panel.py" line="289"/>
        <source>Pause…</source>
        <translation>Pause…</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="140"/>
        <source>Today&apos;s tickets at this window</source>
        <translation>Today&apos;s tickets at this window</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="168"/>
        <source>The queue cannot be read. Please check the network.</source>
        <translation>The queue cannot be read. Please check the network.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="263"/>
        <source>The operation failed. Please try again.</source>
        <translation>The operation failed. Please try again.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="293"/>
        <source>Open window</source>
        <translation>Open window</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="294"/>
        <source>Resume service</source>
        <translation>Resume service</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/password_dialog.py" line="46"/>
        <source>Change password</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="61"/>
        <source>&amp;Change</source>
        <translation>&amp;Change</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="74"/>
        <source>At least {n} characters.</source>
        <translation>At least {n} characters.</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="77"/>
        <source>Mix at least {n} of: capital letters, small letters, digits, symbols.</source>
        <translation>Mix at least {n} of: capital letters, small letters, digits, symbols.</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="84"/>
        <source>&amp;Current password:</source>
        <translation>&amp;Current password:</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="85"/>
        <source>&amp;New password:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="86"/>
        <source>&amp;Repeat the new password:</source>
        <translation>&amp;Repeat the new password:</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="98"/>
        <source>The two new passwords differ.</source>
        <translation>The two new passwords differ.</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="129"/>
        <source>The database cannot be reached. Please try again.</source>
        <translation>The database cannot be reached. Please try again.</translation>
    </message>
</context>
<context>
    <name>ClerkFlow</name>
    <message>
        <location filename="../../ui/flow.py" line="85"/>
        <source>Opening the database…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../ui/flow.py" line="86"/>
        <location filename="../../ui/flow.py" line="114"/>
        <source>OneWindow</source>
        <translation>OneWindow</translation>
    </message>
    <message>
        <location filename="../../ui/flow.py" line="108"/>
        <source>The database holds no service hall to work in. Start the app with --seed-demo for the demo hall, or ask the administrator.</source>
        <translation>The database holds no service hall to work in. Start the app with --seed-demo for the demo hall, or ask the administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/flow.py" line="113"/>
        <source>The database cannot be opened. Please ask the administrator.</source>
        <translation>The database cannot be opened. Please ask the administrator.</translation>
    </message>
</context>
<context>
    <name>ClerkWindow</name>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="51"/>
        <source>OneWindow — {hall}</source>
        <translation>OneWindow — {hall}</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="52"/>
        <source>Signed in as {name} at window {window}</source>
        <translation>Signed in as {name} at window {window}</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="64"/>
        <source>&amp;Session</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="65"/>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="68"/>
        <source>&amp;Lock the screen</source>
        <translation>&amp;Lock the screen</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="71"/>
        <source>&amp;Change password…</source>
        <translation>&amp;Change password…</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="73"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
</context>
<context>
    <name>CurrentTicketView</name>
    <message>
        <location filename="../../ui/clerk/current_ticket.py" line="34"/>
        <source>Current ticket</source>
        <translation>Current ticket</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/current_ticket.py" line="47"/>
        <location filename="../../ui/clerk/current_ticket.py" line="49"/>
        <source>No current ticket</source>
        <translation>No current ticket</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/clerk/current_ticket.py" line="61"/>
        <source>recalled %n time(s)</source>
        <translation>
            <numerusform>recalled %n time</numerusform>
            <numerusform>recalled %n times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <location filename="../../ui/idle_lock.py" line="98"/>
        <source>The screen is locked</source>
        <translation>The screen is locked</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="102"/>
        <source>Signed in: {name}</source>
        <translation>Signed in: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="105"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="107"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="110"/>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="63"/>
        <source>OneWindow — Sign in</source>
        <translation>OneWindow — Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="76"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="77"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="84"/>
        <source>&amp;Username:</source>
        <translation>&amp;Username:</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="85"/>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="86"/>
        <source>&amp;Window number:</source>
        <translation>&amp;Window number:</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="96"/>
        <source>Please enter your username.</source>
        <translation>Please enter your username.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="102"/>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="136"/>
        <source>The database cannot be reached. Please try again.</source>
        <translation>The database cannot be reached. Please try again.</translation>
    </message>
</context>
<context>
    <name>LoginFailure</name>
    <message>
        <location filename="../../ui/i18n.py" line="129"/>
        <source>Too many failed attempts: this account is locked until %1. A supervisor or administrator can unlock it sooner.</source>
        <translation>Too many failed attempts: this account is locked until %1. A supervisor or administrator can unlock it sooner.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="135"/>
        <source>Wrong username or password.</source>
        <translation>Wrong username or password.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="138"/>
        <source>This account is disabled. Please contact the administrator.</source>
        <translation>This account is disabled. Please contact the administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="141"/>
        <source>Your password has expired. Please choose a new one.</source>
        <translation>Your password has expired. Please choose a new one.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="144"/>
        <source>The administrator set this password. Please choose your own.</source>
        <translation>The administrator set this password. Please choose your own.</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="12"/>
        <source>Nobody is waiting for this window&apos;s services.</source>
        <translation>Nobody is waiting for this window&apos;s services.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="15"/>
        <source>Called {number}.</source>
        <translation>Called {number}.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="20"/>
        <source>{number} was recalled too often and is now a no-show.</source>
        <translation>{number} was recalled too often and is now a no-show.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="24"/>
        <source>Recalled {number}.</source>
        <translation>Recalled {number}.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="29"/>
        <source>{number} did not come: marked as a no-show.</source>
        <translation>{number} did not come: marked as a no-show.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="34"/>
        <source>Serving {number}.</source>
        <translation>Serving {number}.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="38"/>
        <source>{number} is done.</source>
        <translation>{number} is done.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="42"/>
        <source>{number} transferred to {target}.</source>
        <translation>{number} transferred to {target}.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="48"/>
        <source>{number} parked; it can be called again in {minutes} min.</source>
        <translation>{number} parked; it can be called again in {minutes} min.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="55"/>
        <source>Service paused: {reason}.</source>
        <translation>Service paused: {reason}.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="59"/>
        <source>Service resumed.</source>
        <translation>Service resumed.</translation>
    </message>
</context>
<context>
    <name>ParkDialog</name>
    <message>
        <location filename="../../ui/clerk/dialogs.py" line="117"/>
        <source>Park ticket</source>
        <translation>Park ticket</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/dialogs.py" line="121"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/dialogs.py" line="123"/>
        <source>Back in &amp;minutes:</source>
        <translation>Back in &amp;minutes:</translation>
    </message>
</context>
<context>
    <name>PasswordProblem</name>
    <message>
        <location filename="../../ui/i18n.py" line="161"/>
        <source>It must have at least %1 characters.</source>
        <translation>It must have at least %1 characters.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="164"/>
        <source>It may have at most %1 characters.</source>
        <translation>It may have at most %1 characters.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="167"/>
        <source>It contains a control or invisible character.</source>
        <translation>It contains a control or invisible character.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="170"/>
        <source>It must mix at least %1 of: capital letters, small letters, digits, symbols.</source>
        <translation>It must mix at least %1 of: capital letters, small letters, digits, symbols.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="174"/>
        <source>It must not contain your username.</source>
        <translation>It must not contain your username.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="177"/>
        <source>It is on the list of common or leaked passwords.</source>
        <translation>It is on the list of common or leaked passwords.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="180"/>
        <source>It was one of your last %1 passwords.</source>
        <translation>It was one of your last %1 passwords.</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <location filename="../../ui/clerk/dialogs.py" line="132"/>
        <source>Pause service</source>
        <translation>Pause service</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/dialogs.py" line="135"/>
        <source>Reason for pausing service:</source>
        <translation>Reason for pausing service:</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/dialogs.py" line="143"/>
        <source>Describe the reason</source>
        <translation>Describe the reason</translation>
    </message>
</context>
<context>
    <name>PauseReason</name>
    <message>
        <location filename="../../ui/i18n.py" line="217"/>
        <source>Break</source>
        <translation>Break</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="218"/>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="219"/>
        <source>System fault</source>
        <translation>System fault</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="220"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <location filename="../../ui/i18n.py" line="82"/>
        <source>This service does not exist.</source>
        <translation>This service does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="85"/>
        <source>This service is not offered now.</source>
        <translation>This service is not offered now.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="88"/>
        <source>There is no window with this number.</source>
        <translation>There is no window with this number.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="91"/>
        <source>There is no ticket with this number today.</source>
        <translation>There is no ticket with this number today.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="94"/>
        <source>The window is closed.</source>
        <translation>The window is closed.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="95"/>
        <source>Service is paused at this window.</source>
        <translation>Service is paused at this window.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="98"/>
        <source>The window already has a ticket: finish, skip or park it first.</source>
        <translation>The window already has a ticket: finish, skip or park it first.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="101"/>
        <source>The window has no current ticket.</source>
        <translation>The window has no current ticket.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="104"/>
        <source>The ticket&apos;s state does not allow this.</source>
        <translation>The ticket&apos;s state does not allow this.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="107"/>
        <source>The hall is closed now.</source>
        <translation>The hall is closed now.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="108"/>
        <source>No more tickets today: past the cut-off time.</source>
        <translation>No more tickets today: past the cut-off time.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="111"/>
        <source>No more tickets today: the daily limit is reached.</source>
        <translation>No more tickets today: the daily limit is reached.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="114"/>
        <source>This window does not serve that service.</source>
        <translation>This window does not serve that service.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="117"/>
        <source>The no-show grace period has passed.</source>
        <translation>The no-show grace period has passed.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="120"/>
        <source>The request is not valid.</source>
        <translation>The request is not valid.</translation>
    </message>
</context>
<context>
    <name>ScreenLock</name>
    <message>
        <location filename="../../ui/idle_lock.py" line="223"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="253"/>
        <source>The database cannot be reached. Please try again.</source>
        <translation>The database cannot be reached. Please try again.</translation>
    </message>
</context>
<context>
    <name>TicketState</name>
    <message>
        <location filename="../../ui/i18n.py" line="193"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="194"/>
        <source>Called</source>
        <translation>Called</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="195"/>
        <source>Serving</source>
        <translation>Serving</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="196"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="197"/>
        <source>No-show</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="198"/>
        <source>Parked</source>
        <translation>Parked</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="199"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="188"/>
        <source>Transferred</source>
        <translation>Transferred</translation>
    </message>
</context>
<context>
    <name>TicketTableModel</name>
    <message>
        <location filename="../../ui/clerk/ticket_model.py" line="62"/>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/ticket_model.py" line="63"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/ticket_model.py" line="64"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/ticket_model.py" line="65"/>
        <source>Called at</source>
        <translation>Called at</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/ticket_model.py" line="66"/>
        <source>Recalls</source>
        <translation>Recalls</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../ui/clerk/dialogs.py" line="63"/>
        <source>Transfer ticket</source>
        <translation>Transfer ticket</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/dialogs.py" line="64"/>
        <source>To the queue of a &amp;service</source>
        <translation>To the queue of a &amp;service</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/dialogs.py" line="65"/>
        <source>To a &amp;window</source>
        <translation>To a &amp;window</translation>
    </message>
</context>
<context>
    <name>WaitingCount</name>
    <message numerus="yes">
        <location filename="../../ui/clerk/summary.py" line="37"/>
        <source>%n people waiting</source>
        <translation>
            <numerusform>%n person waiting</numerusform>
            <numerusform>%n people waiting</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/clerk/summary.py" line="39"/>
        <source>{prefix} {service}: {count} waiting</source>
        <translation>{prefix} {service}: {count} waiting</translation>
    </message>
</context>
<context>
    <name>WindowHeader</name>
    <message>
        <location filename="../../ui/clerk/summary.py" line="23"/>
        <source>Paused: {reason}</source>
        <translation>Paused: {reason}</translation>
    </message>
</context>
<context>
    <name>WindowState</name>
    <message>
        <location filename="../../ui/i18n.py" line="206"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="207"/>
        <source>Open, idle</source>
        <translation>Open, idle</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="208"/>
        <source>Calling</source>
        <translation>Calling</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="209"/>
        <source>Serving</source>
        <translation>Serving</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="210"/>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
</context>
</TS>

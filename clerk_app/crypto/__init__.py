"""Personal data encrypted at rest: the hall key ring, column values, blobs, key rotation.

The key ring, the column cipher and the blob sealer are :mod:`onewindow_base.crypto` (the
central server seals its blobs with them too); here are the hall's key store
(:mod:`clerk_app.crypto.keys`), the registry of encrypted columns and key rotation.

How the intake stores an applicant's ID number and phone::

    cipher = PersonalDataCipher(key_store_for(settings).load())
    row.id_number_enc = cipher.encrypt(resident_id.value, context="applicant.id_number")
    row.id_number_lookup = cipher.lookup_hash(resident_id.value, context="applicant.id_number")
    ...
    select(Applicant).where(Applicant.id_number_lookup == cipher.lookup_hash(typed, context=...))

and declares the columns once, in the model: ``mapped_column(Text, info=encrypted(ID_NUMBER))``
(:mod:`clerk_app.crypto.registry`).
"""

"""Column values: self-describing tokens, the column bound in, clear errors, lookup hashes."""

from __future__ import annotations

import base64
import dataclasses

import pytest

from onewindow_base.crypto.fields import DecryptError, DecryptFailure, PersonalDataCipher
from onewindow_base.crypto.keys import Algorithm, KeyRing, new_ring, with_new_key, without_key
from tests.security.conftest import ID_NUMBER, NOW_MS, PHONE

CONTEXT = "applicant.id_number"


def test_a_value_round_trips_in_a_self_describing_token(cipher: PersonalDataCipher) -> None:
    token = cipher.encrypt(ID_NUMBER, context=CONTEXT)
    version, key_id, body = token.split(":")
    assert (version, key_id) == ("v1", cipher.ring.active_id)
    assert len(base64.b64decode(body)) == 12 + len(ID_NUMBER) + 16  # nonce, ciphertext, tag
    assert ID_NUMBER not in token
    assert cipher.decrypt(token, context=CONTEXT) == ID_NUMBER
    assert cipher.encrypt(ID_NUMBER, context=CONTEXT) != token  # a fresh nonce every time
    rare = "𠮷野家 ０１"
    assert cipher.decrypt(cipher.encrypt(rare, context="x"), context="x") == rare


def test_a_value_moved_to_another_column_does_not_decrypt(cipher: PersonalDataCipher) -> None:
    token = cipher.encrypt(PHONE, context="applicant.phone")
    with pytest.raises(DecryptError) as caught:
        cipher.decrypt(token, context="applicant.id_number")
    assert caught.value.failure is DecryptFailure.TAMPERED
    assert PHONE not in str(caught.value)


def test_an_altered_token_is_detected(cipher: PersonalDataCipher) -> None:
    token = cipher.encrypt(ID_NUMBER, context=CONTEXT)
    raw = bytearray(base64.b64decode(token.split(":")[2]))
    raw[14] ^= 1
    altered = f"v1:{cipher.ring.active_id}:{base64.b64encode(bytes(raw)).decode()}"
    for bad, failure in [
        (altered, DecryptFailure.TAMPERED),
        (token[:-8], DecryptFailure.TAMPERED),
        (f"v1:{cipher.ring.active_id}:not base64!", DecryptFailure.TAMPERED),
        (ID_NUMBER, DecryptFailure.MALFORMED),
        ("v2:abc:def", DecryptFailure.MALFORMED),
    ]:
        with pytest.raises(DecryptError) as caught:
            cipher.decrypt(bad, context=CONTEXT)
        assert caught.value.failure is failure


def test_another_halls_ring_cannot_read_it(cipher: PersonalDataCipher, ring: KeyRing) -> None:
    token = cipher.encrypt(ID_NUMBER, context=CONTEXT)
    other = PersonalDataCipher(new_ring(ring.active.algorithm, NOW_MS))
    with pytest.raises(DecryptError, match="which this hall key ring does not hold") as caught:
        other.decrypt(token, context=CONTEXT)
    assert caught.value.failure is DecryptFailure.UNKNOWN_KEY
    # Same key id, different key material (a forged or corrupted ring): the tag says no.
    forged_key = dataclasses.replace(ring.active, material=bytes(ring.active.algorithm.key_bytes))
    forged = PersonalDataCipher(dataclasses.replace(ring, keys=(forged_key,)))
    with pytest.raises(DecryptError) as caught:
        forged.decrypt(token, context=CONTEXT)
    assert caught.value.failure is DecryptFailure.TAMPERED


def test_old_keys_keep_reading_until_retired(ring: KeyRing) -> None:
    old = PersonalDataCipher(ring)
    token = old.encrypt(ID_NUMBER, context=CONTEXT)
    rotated = PersonalDataCipher(with_new_key(ring, Algorithm.AES_256_GCM, NOW_MS + 1))
    assert rotated.decrypt(token, context=CONTEXT) == ID_NUMBER
    assert not rotated.is_current(token)
    fresh = rotated.reencrypt(token, context=CONTEXT)
    assert rotated.is_current(fresh)
    assert rotated.decrypt(fresh, context=CONTEXT) == ID_NUMBER
    retired = PersonalDataCipher(without_key(rotated.ring, ring.active_id, NOW_MS + 2))
    with pytest.raises(DecryptError) as caught:
        retired.decrypt(token, context=CONTEXT)
    assert caught.value.failure is DecryptFailure.RETIRED_KEY
    with pytest.raises(ValueError, match="active key"):
        without_key(rotated.ring, rotated.ring.active_id, NOW_MS)


def test_sm4_and_aes_tokens_live_side_by_side() -> None:
    ring = new_ring(Algorithm.SM4_GCM, NOW_MS)
    sm4 = PersonalDataCipher(ring)
    token = sm4.encrypt(PHONE, context="p")
    both = PersonalDataCipher(with_new_key(ring, Algorithm.AES_256_GCM, NOW_MS))
    assert both.decrypt(token, context="p") == PHONE
    assert both.decrypt(both.encrypt(PHONE, context="p"), context="p") == PHONE


def test_lookup_hashes_are_keyed_and_kept_apart_per_column(cipher: PersonalDataCipher) -> None:
    digest = cipher.lookup_hash(ID_NUMBER, context=CONTEXT)
    assert len(digest) == 64
    assert digest == cipher.lookup_hash(ID_NUMBER, context=CONTEXT)  # searchable
    assert digest != cipher.lookup_hash(ID_NUMBER, context="guardian.id_number")
    other = PersonalDataCipher(new_ring(cipher.ring.active.algorithm, NOW_MS))
    assert digest != other.lookup_hash(ID_NUMBER, context=CONTEXT)  # not a plain hash
    assert cipher.matches(ID_NUMBER, digest, context=CONTEXT)
    assert not cipher.matches("440524188001010014", digest, context=CONTEXT)
    rotated = PersonalDataCipher(with_new_key(cipher.ring, Algorithm.SM4_GCM, NOW_MS))
    assert rotated.lookup_hash(ID_NUMBER, context=CONTEXT) == digest  # survives a rotation

"""The key ring, the column cipher and the blob sealer (personal data encrypted at rest)."""

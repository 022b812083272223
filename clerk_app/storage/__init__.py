"""Local durable storage: content-addressed blobs (archived PDFs, later scans and sync blobs)."""

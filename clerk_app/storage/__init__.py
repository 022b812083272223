"""Local durable storage: content-addressed blobs (archived PDFs, scans, sync blobs)."""

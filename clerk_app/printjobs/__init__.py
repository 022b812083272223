"""Print jobs: render, archive, send and record every paper (see ``service``)."""

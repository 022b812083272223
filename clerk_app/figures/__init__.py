"""The reform's measures for supervisors: per day or month, per item, department or clerk."""

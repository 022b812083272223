"""The second-generation ID-card reader (居民身份证阅读器), without Qt.

``protocol`` frames the security module's serial protocol, ``card`` decodes the card's text
block, ``reader`` drives a reader on a serial port (RS-232 or USB-serial) and ``errors``
names what can go wrong, each as one line for the clerk.
"""

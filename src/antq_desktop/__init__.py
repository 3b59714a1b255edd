"""ANTQ Desktop: records and exchange for the movement "Toàn dân bảo vệ an ninh Tổ quốc"."""

__version__ = "0.1.0"
APP_NAME = "ANTQ Desktop"
APP_ID = "antq-desktop"

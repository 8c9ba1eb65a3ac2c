"""imvo-assist: an offline terminal assistant over Dutch IMVO policy documents."""

__version__ = "0.1.0"

"""The bundled catalogue: vocabulary, the documents register, register facts and tagging."""

//! Python bindings for shushuo (placeholder until the Python layer lands).

"""The Qt window: one view per question the steering group asks."""

"""The reviewer web page: ``create_app`` in ``factcheck.web.app`` (needs ``factcheck[web]``).

Nothing is imported here, so ``import factcheck`` never pulls in FastAPI.
"""

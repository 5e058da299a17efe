"""The list of a long page's questions at its top (features/question_list/render.py)."""

"""Lumen's safety layer: the crisis screen, crisis resources and the output review.

The mentor's own safety instructions (the concern, helper and hurt addenda) are prompts,
versioned in `prompts/` with the rest of what the mentor is told."""

from safety.resources import (
    CrisisResources,
    Line,
    crisis_message,
    helper_message,
    resources_for,
)
from safety.review import OutputReview, review_output
from safety.screen import screen
from safety.screening import Category, Evidence, Level, Screening

__all__ = [
    "Category",
    "CrisisResources",
    "Evidence",
    "Level",
    "Line",
    "OutputReview",
    "Screening",
    "crisis_message",
    "helper_message",
    "resources_for",
    "review_output",
    "screen",
]

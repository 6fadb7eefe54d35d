"""Time expressions: detect and normalise to TIMEX3 values against the dateline."""

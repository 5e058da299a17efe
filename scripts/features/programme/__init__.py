"""Programme stages and eligibility criteria: model, reader, checks, HTML (render) and iCalendar (calendar)."""

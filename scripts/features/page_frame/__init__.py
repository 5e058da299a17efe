"""The texts of the frame the theme draws around the pages: the footer's legal links and the one 404 page."""

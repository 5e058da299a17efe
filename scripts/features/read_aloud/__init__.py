"""Read aloud: the "Listen" control under a page's title, which reads the article block by block with the
device's own voices (speechSynthesis; docs/assets/javascripts/read-aloud.js); nothing leaves the device."""

//! Java platform behaviour that SEL exposes (number and string formatting, regex, text).

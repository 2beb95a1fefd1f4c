"""French language knowledge as pure functions: months, dates, periods, phrases. No I/O."""

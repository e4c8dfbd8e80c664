"""Real-browser tests of the chart (marked ``browser``)."""

// empty: nothing — start-up wall time and the peak RSS of a runtime that does no work.

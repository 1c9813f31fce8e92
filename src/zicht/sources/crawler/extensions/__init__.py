"""Extensions: the run record (counts, errors, validity checks), progress, shared frontier."""

"""Many resumes at once: which files a batch holds (:mod:`.inputs`), analysing them over processes in input order
(:mod:`.pool`), one row per resume (:mod:`.rows`) and the cohort summary (:mod:`.cohort`)."""

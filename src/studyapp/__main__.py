"""``python -m studyapp``."""

from studyapp.launch import main

raise SystemExit(main())

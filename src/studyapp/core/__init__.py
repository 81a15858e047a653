"""The studyapp core: decks, scheduling, quizzes and progress. No Textual, no Rich."""

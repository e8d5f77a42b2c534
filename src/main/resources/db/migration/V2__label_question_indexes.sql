-- Final labels and agreement read every answer to one question at a time.
CREATE INDEX label_question ON label (question, post_id);
CREATE INDEX adjudication_question ON adjudication (question, post_id);

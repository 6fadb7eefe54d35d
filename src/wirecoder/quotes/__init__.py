"""Quotes: direct, unmarked and reported speech attributed to resolved speakers.

How it works, in three steps (one pass each, nothing quadratic in tokens):

1. ``marks``: the stretches inside quotation marks (straight, curly,
   guillemets, single; multi-paragraph quotes joined).
2. ``frames``: attribution frames read off the parse: a cue from the lexicon
   (``data/quotes/cues.json``: say, tell, warn, insist, describe ... as,
   call for, vow to, according to ...), its speaker (subject, agent, relative
   clause head, or the subject shared with a governing verb) and its content
   (clause, 'as'-phrase, prepositional object, infinitive or object).
   Also 'as'-adjuncts ("As the minister noted, ..."), inserted frames
   ("The plan, she said, ..."), quantities as speakers ("nearly half say"),
   and (``nouns``) cue nouns with a named source ("Ford's promise that ...").
3. ``assemble``: frames whose content lies inside quotation marks, or that
   stand beside them ("...," he said, "..."), become direct quotes spanning
   all their pieces; quotes that continue after the frame join them; other
   frames are reported speech. An unmarked frame that closes or opens a
   sentence ("..., said X" / "X said: ...") around a first-person or
   contracted statement is direct speech whose marks were lost; it takes in
   the frameless sentences of its paragraph before it. A reported frame
   inside another reported content ("X said Y wants Z") yields to the outer
   one, except a participle after a comma ("X said A, adding that B"), which
   is the same speaker's next statement.

Speakers resolve through the actor stage (``speakers``), with a parse-only
fallback when no mention covers them.
"""

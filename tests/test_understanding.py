"""Floors for understanding, measured on data written apart from the bot (tests/understanding.py,
tests/eval/). The holdout slice was never used for tuning: its floors are the reported figures, rounded
down; the tune slice's floors guard what tuning won. Exact figures: `python -m tests.understanding`."""
import contextlib
import io

import pytest
import yaml

from actions import reader
from tests import fold, understanding

# Issue targets: answers read right >= 0.95 with none the wrong way round; intents on chat messages
# >= 0.92, long-form questions >= 0.70; factor/criterion/stage entities >= 0.90; openers start the
# assessment >= 90%; simulated people >= 22 of 24 right, no loops. Floors below the target are the
# measured figure where it falls short (docs/benchmarks.md says which).
FLOORS = {
    # Measured 2026-12-01 (docs/benchmarks.md, section 0).
    "holdout": {"answer_accuracy": 0.98, "wrong_way": 0, "stage_accuracy": 0.98, "yes_no_accuracy": 0.98,
                "chat": 0.94, "long_form": 0.88, "opener": 0.96, "entities": 0.90,
                "openers_started": 0.98, "personas_right": 24 / 24},
    # The tune and dev slices have been folded into training (data/answers/*_slice.yml,
    # data/nlu/written_apart*.yml): their floors guard against a regression, they measure nothing new.
    # dev before it was folded, after tuning on it: answers 0.981, none the wrong way round, entities
    # 0.959 recall, 46 of 46 openers and 16 of 16 people (the commit that folded it says so).
    "dev": {"answer_accuracy": 0.98, "wrong_way": 0, "stage_accuracy": 0.97, "yes_no_accuracy": 0.97,
            "chat": 0.97, "long_form": 0.95, "opener": 0.95, "entities": 0.95,
            "openers_started": 0.97, "personas_right": 16 / 16},
    # Typed answers only, a fifth writer's, never tuned on and its misses never read; its aggregate
    # figures were seen after each round of tuning, so it guards against regressions now.
    # (none the wrong way round since the rules of 2026-12-03 03:06; which one, not looked at)
    "sealed": {"answer_accuracy": 0.95, "wrong_way": 0, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0},
    # Since 2026-12-03 (00:41) the agreement model is a network, not a logistic regression: the nine
    # blind writers together read 0.921 -> 0.936, 9 -> 13 the wrong way round (blind2 0 -> 1,
    # blind6 1 -> 2, blind9 0 -> 2), 195 -> 132 asked again; holdout 0.978 -> 0.984. The floors below
    # are those measured figures; the comments tell each slice's history before.
    # Since 2026-12-03's third session the reader also learns from the reasons of answers that say an
    # answer word apart ("nah, I've got a mortgage" gives "I've got a mortgage"), at a side bar of 0.92
    # instead of 0.90: the ten writers together 0.933 -> 0.936, 12 -> 7 the wrong way round, 157 -> 141
    # asked again; blind 0.983 -> 0.968 and blind4 0.965 -> 0.955 (fewer read right), blind2 0.938 ->
    # 0.953, blind5 0.890 -> 0.895, blind6 0.890 -> 0.902, blind8 0.890 -> 0.910, blind10 0.907 ->
    # 0.915. The floors are the new measured figures.
    # Typed answers only, a sixth writer's, committed before it was first run; run once after the last
    # change to the reader of its session (2026-12-01) and again with the next session's reader. Its
    # misses are not read. One yes/no answer is read the wrong way round there; these floors are the
    # measured figures.
    "blind": {"answer_accuracy": 0.965, "wrong_way": 0, "stage_accuracy": 0.95, "yes_no_accuracy": 0.95,
              "yes_no_wrong": 1},
    # A seventh writer's, written after blind was run: the 0.95 target is missed here (0.940, none the
    # wrong way round, 2026-12-02 07:48); the floors are the measured figures.
    # With the answer network's batches of 1,024 (2026-12-03's ninth session): 380 -> 379 of 400 read right.
    "blind2": {"answer_accuracy": 0.9475, "wrong_way": 1, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0},
    # An eighth writer's, committed before the first change to the reader of 2026-12-02 and first run
    # after its last change: 0.975, none the wrong way round. The floors are the measured figures.
    "blind3": {"answer_accuracy": 0.985, "wrong_way": 0, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0},
    # A ninth writer's, committed before the first change to the reader of 2026-12-02's second session
    # and first run after its last change: 0.950 read right, two the wrong way round (target 0, missed).
    # The floors are the measured figures.
    # With 2026-12-03's second session's rules (03:31): one the wrong way round.
    # With 2026-12-03's fourth session's rules: 0.955 -> 0.950 read right.
    "blind4": {"answer_accuracy": 0.95, "wrong_way": 0, "stage_accuracy": 0.96, "yes_no_accuracy": 1.0},
    # A tenth writer's, told to write a third of the answers as a reason or a story only: committed
    # before the first change to the reader of 2026-12-02's third session, first run after that change
    # (0.873, seven the wrong way round), run again after the session's last (07:48): 0.848 read right,
    # four the wrong way round, with the next session's reader (11:32): 0.860, three, and with the fifth
    # session's (15:12): 0.858, four, one yes/no the wrong way round (targets missed); with the sixth's
    # (18:02) 0.870, four. The floors are the measured figures.
    # With 2026-12-03's fourth session's rules: 0.895 -> 0.902 read right, one -> two the wrong way round.
    # With the answer network's batches of 1,024 (2026-12-03's ninth session): 361 -> 359 read right.
    "blind5": {"answer_accuracy": 0.8975, "wrong_way": 2, "stage_accuracy": 1.0, "yes_no_accuracy": 0.975,
               "yes_no_wrong": 1},
    # An eleventh writer's, to blind5's brief: committed after blind5's first run and before the next
    # change to the reader, first run after the session's last change (07:48): 0.855 read right, one the
    # wrong way round, and with the fifth session's reader (15:12): 0.853, none (0.95 missed); with the
    # sixth's (17:43 and 18:02, nine and thirteen more training files) 0.863, one the wrong way round.
    # The floors are the measured figures.
    # With the answer network's batches of 1,024 (2026-12-03's ninth session): 361 -> 357 read right.
    "blind6": {"answer_accuracy": 0.8925, "wrong_way": 1, "stage_accuracy": 0.98, "yes_no_accuracy": 1.0},
    # A twelfth writer's, to blind5's brief: committed before the first change to how the reader reads of
    # 2026-12-02's fourth session, first run after its last (11:32): 0.858 read right, three the wrong
    # way round; with the fifth session's reader (15:12) 0.873, two, and one yes/no the wrong way round
    # (none before; targets missed); with the sixth's (18:02) 0.895, two. The floors are the measured
    # figures.
    "blind7": {"answer_accuracy": 0.92, "wrong_way": 2, "stage_accuracy": 0.96, "yes_no_accuracy": 0.975,
               "yes_no_wrong": 1},
    # A thirteenth writer's, to blind5's brief: committed before the first change to the reader of
    # 2026-12-02's fifth session, run once before it (0.855 read right, three the wrong way round, 42 asked
    # again; yes/no 0.925) and once after its last (15:12): 0.868, two, 39; yes/no 0.975, one the wrong way
    # round (targets missed); with the sixth session's reader (18:02) 0.877, none the wrong way round. The
    # floors are the measured figures.
    "blind8": {"answer_accuracy": 0.91, "wrong_way": 0, "stage_accuracy": 0.96, "yes_no_accuracy": 0.975,
               "yes_no_wrong": 1},
    # A fourteenth writer's, to blind5's brief: committed after 2026-12-02's sixth session's one rule fix
    # (ddc9788, no slice's reading changed) and before its other changes, run once before them (0.930
    # read right, one the wrong way round, 24 asked again), after nine new training files (17:43): 0.940,
    # none, 24, and after four more (18:02): 0.938, none, 24 (0.95 missed). The floors are the measured
    # figures.
    "blind9": {"answer_accuracy": 0.96, "wrong_way": 2, "stage_accuracy": 0.96, "yes_no_accuracy": 1.0},
    # A fifteenth writer's, to blind5's brief: committed (6a924fa) before it was first run, first run
    # after 2026-12-03's second session's last change to the reader (03:28): 0.9075 read right, none the
    # wrong way round, 26 asked again; stages 0.933, one yes/no the wrong way round (targets missed). The
    # floors are the measured figures.
    "blind10": {"answer_accuracy": 0.915, "wrong_way": 0, "stage_accuracy": 0.93, "yes_no_accuracy": 0.975,
                "yes_no_wrong": 1},
    # A sixteenth writer's, to blind5's brief: committed (f457e11) before it was first run, after
    # 2026-12-03's third session chose its reader on the older slices' counts, and run once (07:00):
    # 0.890 read right, three the wrong way round, 34 asked again; stages 1.000, one yes/no not read
    # (targets missed). The floors are the measured figures.
    # With the fourth session's rules: 0.887, three the wrong way round, 36 asked again.
    "blind11": {"answer_accuracy": 0.885, "wrong_way": 3, "stage_accuracy": 1.0, "yes_no_accuracy": 0.975},
    # A seventeenth writer's, to blind5's brief: committed (a2d0587) before it was first run, run once
    # with the reader before 2026-12-03's fourth session's changes (0.960 read right, one the wrong way
    # round, 10 asked again) and once after the last (0.963, one, 9); stages and yes/no 1.000. The
    # floors are the measured figures.
    "blind12": {"answer_accuracy": 0.96, "wrong_way": 1, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0},
    # An eighteenth writer's, to blind5's brief: committed (722e419) before it was first run, run once
    # with the reader before 2026-12-03's fifth session's other changes and once after the last: 0.950
    # read right, two the wrong way round, 10 asked again both times; stages 0.967, two yes/no the wrong
    # way round (targets missed). The floors are the measured figures.
    "blind13": {"answer_accuracy": 0.95, "wrong_way": 2, "stage_accuracy": 0.96, "yes_no_accuracy": 0.95,
                "yes_no_wrong": 2},
    # A nineteenth writer's, to blind5's brief: committed (ea82478) before it was first run, after
    # blind13's texts had been shown once in a debug log, and run once after 2026-12-03's fifth session's
    # last change to how answers are read: 0.945 read right, three the wrong way round, 13 asked again;
    # stages 0.966 of 58, yes/no 1.000 (targets missed). The floors are the measured figures.
    "blind14": {"answer_accuracy": 0.945, "wrong_way": 3, "stage_accuracy": 0.96, "yes_no_accuracy": 1.0},
    # A twentieth writer's, to blind5's brief with more kinds of people: committed (6503faf) before it was
    # first run, and run once after 2026-12-03's sixth session's last change to how answers are read:
    # 0.963 read right, one the wrong way round, 7 asked again; stages 0.967, yes/no 1.000 (the
    # wrong-way target missed). The floors are the measured figures.
    "blind15": {"answer_accuracy": 0.96, "wrong_way": 1, "stage_accuracy": 0.96, "yes_no_accuracy": 1.0},
    # A twenty-first writer's, to blind15's brief: committed (29bfb09) before it was first run, and run once
    # before 2026-12-03's seventh session's first change: 0.985 read right, none the wrong way round, 2 asked
    # again; stages 0.983, yes/no 1.000. The floors are the measured figures.
    # With the answer network's batches of 1,024 (2026-12-03's ninth session): 394 -> 393 read right.
    "blind16": {"answer_accuracy": 0.9825, "wrong_way": 0, "stage_accuracy": 0.98, "yes_no_accuracy": 1.0},
    # A twenty-second writer's, to blind15's brief: committed (33c1f62) before it was first run, and run
    # once before 2026-12-03's eighth session's first change: 0.978 read right, one the wrong way round, 4
    # asked again; stages 0.983, yes/no 0.975 with one the wrong way round (the wrong-way targets missed).
    # The floors are the measured figures.
    "blind17": {"answer_accuracy": 0.975, "wrong_way": 1, "stage_accuracy": 0.98, "yes_no_accuracy": 0.975,
                "yes_no_wrong": 1},
    # A twenty-third writer's, to blind15's brief with answers typed in a second language, in Slack's style,
    # as comparisons, rhetorical questions and litotes: committed (d505c9a) before it was first run, and run
    # once with 2026-12-03's ninth session's reader (batches of 1,024): 0.985 read right, none the wrong way
    # round, 3 asked again; stages 0.950, yes/no 1.000. The floors are the measured figures; 0.9825 since the
    # twenty-fourth session's weighed conclusions ("Mostly agree.", "Definitely agree!"), which cost it one.
    "blind18": {"answer_accuracy": 0.9825, "wrong_way": 0, "stage_accuracy": 0.95, "yes_no_accuracy": 1.0},
    # A twenty-fourth writer's, typed on a phone or dictated, as stories, conditions, concessions and
    # self-corrections: committed (4f66b7c) before it was first run, and run once in the twenty-first session,
    # before any change to how answers are read: 0.945 read right, 12 the wrong way round, 5 asked
    # again; stages 1.000, yes/no 1.000 (both answer targets missed). With the change of mind read (the
    # same session, from probe7): 382 read right, 8 the wrong way round. The floors are the measured figures.
    # With the twenty-second session's rules: 383 read right, 7 the wrong way round.
    "blind19": {"answer_accuracy": 0.9575, "wrong_way": 7, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0},
    # A twenty-fifth writer's, to blind19's brief: committed (0878c3b) before it was first run, and run once
    # after the twenty-first session's rules for changes of mind (the reader before them reads it the same):
    # 0.978 read right, one the wrong way round, 3 asked again; stages 0.983, yes/no 0.975 with one the wrong
    # way round (the wrong-way targets missed). The floors are the measured figures.
    # With the twenty-second session's rules: 392 read right, none of its yes/no answers the wrong way round.
    # The twenty-seventh session's point granted, then a turn (built on probe18), asks one of them again: 391.
    "blind20": {"answer_accuracy": 0.975, "wrong_way": 1, "stage_accuracy": 0.98, "yes_no_accuracy": 1.0},
    # A twenty-sixth writer's, to blind5's brief: committed (782f81b) at the start of the twenty-second session,
    # before it was first run, and run once after that session's rules from probe9, probe10 and probe11 (14:21
    # UTC): 0.960 read right, three the wrong way round, 11 asked again; stages 1.000, yes/no 1.000 (the
    # wrong-way target missed). The floors are the measured figures.
    "blind21": {"answer_accuracy": 0.96, "wrong_way": 3, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0},
    # A twenty-seventh writer's, to blind5's brief: committed (a78fe2c) at the start of the twenty-third session,
    # before it was first run, and run once after that session's rules from probe12 and probe13 (17:13 UTC):
    # 0.9525 read right, two the wrong way round, 7 asked again; stages 1.000, yes/no 1.000 (the wrong-way
    # target missed). The floors are the measured figures.
    "blind22": {"answer_accuracy": 0.9525, "wrong_way": 2, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0},
    # A twenty-eighth writer's, to blind5's brief: committed (fd2daad) during the twenty-third session, before
    # it was first run, and run once after that session's last rules (17:38 UTC): 0.9775 read right, none the
    # wrong way round, 5 asked again; stages 1.000, yes/no 1.000. The floors are the measured figures.
    "blind23": {"answer_accuracy": 0.9775, "wrong_way": 0, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0},
    # A twenty-ninth writer's, to blind5's brief: committed (e140912) at the start of the twenty-fourth session,
    # before it was first run, and run once after that session's last rule (20:52 UTC): 0.970 read right, none
    # the wrong way round, 10 asked again; stages 1.000, yes/no 1.000. The floors are the measured figures.
    "blind24": {"answer_accuracy": 0.97, "wrong_way": 0, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0},
    # A thirtieth writer's, fifty people typing in a phone widget, Slack or a terminal: committed (4819e60) at the
    # start of the twenty-fifth session, before it was first run, and run once after that session's last rule
    # (23:53 UTC): 0.965 read right, one the wrong way round, 6 asked again; stages 0.967, yes/no 1.000. The
    # floors are the measured figures. Its stage floor fell by one statement in the forty-sixth session (0.967 to
    # 0.95), with a stage said of the past and then of now read by its now (situation.STAGE_THEN_NOW), which moved
    # two of blind40's and one of probe35's on.
    "blind25": {"answer_accuracy": 0.965, "wrong_way": 1, "stage_accuracy": 0.95, "yes_no_accuracy": 1.0},
    # A thirty-first writer's (fifty people, a third answering with a reason only), committed at the start of
    # the twenty-sixth session, before it was first run, and run once after that session's last reader rule
    # (02:39 UTC): 0.960 read right, three the wrong way round, 6 asked again; stages 0.983, yes/no 0.950 with
    # two the wrong way round. The floors are the measured figures.
    "blind26": {"answer_accuracy": 0.96, "wrong_way": 3, "stage_accuracy": 0.98, "yes_no_accuracy": 0.95,
                "yes_no_wrong": 2},
    # A thirty-second writer's (fifty people, many arguing against the other side in their own words),
    # committed (96fac31) at the start of the twenty-seventh session, before it was first run, and run once
    # after that session's last reader rule (05:24 UTC): 0.970 read right, six the wrong way round, 4 asked
    # again; stages 0.967, yes/no 1.000. The floors are the measured figures.
    "blind27": {"answer_accuracy": 0.97, "wrong_way": 6, "stage_accuracy": 0.96, "yes_no_accuracy": 1.0},
    # A thirty-third writer's (fifty people speaking through their own work, half with no answer word),
    # committed (4960741) at the start of the twenty-eighth session, before it was first run, and run once
    # before any change to the reader that session (07:47 UTC): 0.920 read right, one the wrong way round,
    # 18 asked again; stages 0.967, yes/no 0.950 with two the wrong way round. The floors are the measured
    # figures.
    "blind28": {"answer_accuracy": 0.92, "wrong_way": 1, "stage_accuracy": 0.96, "yes_no_accuracy": 0.95,
                "yes_no_wrong": 2},
    # A thirty-fourth writer's (fifty people who weigh both sides before they lean), committed (46e34dd) at
    # the start of the twenty-ninth session, before it was first run, and run once before any change to the
    # reader that session (10:52 UTC): 0.920 read right, two the wrong way round, 14 asked again; stages 0.967,
    # yes/no 0.975 with one the wrong way round. The floors are the measured figures.
    "blind29": {"answer_accuracy": 0.92, "wrong_way": 2, "stage_accuracy": 0.96, "yes_no_accuracy": 0.975,
                "yes_no_wrong": 1},
    # A thirty-fifth writer's (fifty second-language speakers of English), committed (894fee7) at the start of
    # the thirtieth session, before it was first run, and run once before any change to the reader that
    # session (13:45 UTC): 0.920 read right, three the wrong way round, 14 asked again; stages 0.950, yes/no
    # 0.925 with two the wrong way round. The floors are the measured figures.
    "blind30": {"answer_accuracy": 0.92, "wrong_way": 3, "stage_accuracy": 0.95, "yes_no_accuracy": 0.925,
                "yes_no_wrong": 2},
    # A thirty-sixth writer's (fifty people dictating by voice), committed (70f9921) at the start of the
    # thirty-first session, before it was first run, and run once before any change to the reader that session
    # (17:12 UTC): 0.9725 read right, one the wrong way round, five asked again; stages 0.983, yes/no 1.000.
    # The floors are the measured figures; its answer floor fell by one (0.9725 to 0.97) in the forty-sixth
    # session, with more ways to say a past view (reader.PAST_SELF, PAST_VIEW: "at first", "for ten years", "I
    # cared"); with that session's other rules for then and now, they moved probe35's and six other slices' on.
    "blind31": {"answer_accuracy": 0.97, "wrong_way": 1, "stage_accuracy": 0.98, "yes_no_accuracy": 1.0,
                "yes_no_wrong": 0},
    # A thirty-seventh writer's (fifty people writing in a formal, polite, understated register), committed
    # (7e2d60e) at the start of the thirty-second session, before it was first run, and run once before any
    # change to the reader that session (20:31 UTC): 0.8575 read right, three the wrong way round, 36 asked
    # again; stages 0.967, yes/no 1.000. The floors are the measured figures.
    "blind32": {"answer_accuracy": 0.8575, "wrong_way": 3, "stage_accuracy": 0.96, "yes_no_accuracy": 1.0,
                "yes_no_wrong": 0},
    # A thirty-eighth writer's (fifty people venting), committed (9d95982) at the start of the thirty-third
    # session, before it was first run, and run once before any change to the reader that session (23:14 UTC):
    # 0.8425 read right, six the wrong way round, 32 asked again; stages 0.933, yes/no 0.975 (one the wrong way
    # round). The floors are the measured figures.
    "blind33": {"answer_accuracy": 0.8425, "wrong_way": 6, "stage_accuracy": 0.93, "yes_no_accuracy": 0.975,
                "yes_no_wrong": 1},
    # A thirty-ninth writer's (fifty tech insiders in industry shorthand), committed (fef8a48) at the start of the
    # thirty-fourth session, before it was first run, and run once before any change to the reader that session
    # (02:27 UTC): 0.8875 read right, five the wrong way round, 29 asked again; stages 0.983, yes/no 1.000. The
    # floors are the measured figures.
    "blind34": {"answer_accuracy": 0.8875, "wrong_way": 5, "stage_accuracy": 0.98, "yes_no_accuracy": 1.0,
                "yes_no_wrong": 0},
    # A fortieth writer's (fifty very-online people in their twenties), committed (2be853f) at the start of the
    # thirty-fifth session, before it was first run, and run once before any change to the reader that session
    # (05:52 UTC): 0.9125 read right, six the wrong way round, 17 asked again; stages 1.000, yes/no 0.975 (none
    # the wrong way round). The floors are the measured figures.
    "blind35": {"answer_accuracy": 0.9125, "wrong_way": 6, "stage_accuracy": 1.0, "yes_no_accuracy": 0.975,
                "yes_no_wrong": 0},
    # A forty-first writer's (fifty people who think in numbers and ML jargon), committed (782f162) at the start
    # of the thirty-sixth session, before it was first run, and run once with the reader as that session found
    # it (08:56 UTC, 5fb210f): 0.9225 read right, two the wrong way round, 22 asked again; stages 0.933, yes/no
    # 0.95 (one the wrong way round). The floors are the measured figures.
    "blind36": {"answer_accuracy": 0.9225, "wrong_way": 2, "stage_accuracy": 0.93, "yes_no_accuracy": 0.95,
                "yes_no_wrong": 1},
    # A forty-second writer's (fifty people who answer with humour), committed (18bf2ed) at the start of the
    # thirty-seventh session, before it was first run, and run once with the reader as that session found it
    # (12:23 UTC): 0.930 read right, four the wrong way round, 12 asked again; stages 1.000, yes/no 0.95 (one
    # the wrong way round). The floors are the measured figures.
    "blind37": {"answer_accuracy": 0.93, "wrong_way": 4, "stage_accuracy": 1.0, "yes_no_accuracy": 0.95,
                "yes_no_wrong": 1},
    # A forty-third writer's (fifty people who each write in the English of where they live or grew up),
    # committed (ff5c7cd) at the start of the thirty-eighth session, before it was first run, and run once with
    # the reader as that session found it (15:51 UTC): 0.9175 read right, three the wrong way round, 14 asked
    # again; stages 1.000, yes/no 0.975 (none the wrong way round). The floors are the measured figures.
    "blind38": {"answer_accuracy": 0.9175, "wrong_way": 3, "stage_accuracy": 1.0, "yes_no_accuracy": 0.975,
                "yes_no_wrong": 0},
    # A forty-fourth writer's (fifty people weighing a concrete choice: two offers, or their job against one),
    # committed (17adf34) at the start of the forty-first session, before it was first run, and run once with the
    # reader as that session found it (01:19 UTC, 076a3c0): 0.9175 read right, one the wrong way round, 20 asked
    # again; stages 0.967, yes/no 1.000. The floors are the measured figures.
    "blind39": {"answer_accuracy": 0.9175, "wrong_way": 1, "stage_accuracy": 0.96, "yes_no_accuracy": 1.0,
                "yes_no_wrong": 0},
    # A forty-fifth writer's (fifty people who answer through what others say of them and through their own past),
    # committed (see git log) at the start of the forty-second session, before it was first run, and run once with
    # the reader as that session found it (04:41 UTC, reader as at c3c1ef3): 0.905 read right, eight the wrong
    # way round, 23 asked again; stages 0.917, yes/no 0.925 with two the wrong way round. After the rule for a view
    # reported, then answered (tuned on probe31 alone): 0.9425, eight, 8 asked again.
    "blind40": {"answer_accuracy": 0.9425, "wrong_way": 8, "stage_accuracy": 0.9166, "yes_no_accuracy": 0.925,
                "yes_no_wrong": 2},
    # A forty-sixth writer's (fifty people who answer in figures of speech), committed (see git log) at the start
    # of the forty-third session, before it was first run, and run once with the reader as that session found it
    # (07:34 UTC, reader as at 8b2dcf4): 0.895 read right, seven the wrong way round, 30 asked again; stages 0.967,
    # yes/no 1.000.
    "blind41": {"answer_accuracy": 0.9, "wrong_way": 7, "stage_accuracy": 0.9666, "yes_no_accuracy": 1.0,
                "yes_no_wrong": 0},
    # A forty-seventh writer's (fifty people who answer with questions), committed (see git log) at the start of
    # the forty-fourth session, before it was first run, and run once with the reader as that session found it
    # (10:29 UTC, reader as at c5bb329, whose readings are 72a6fc7's): 0.820 read right, three the wrong way round,
    # 59 asked again; stages 0.967, yes/no 0.725 with four the wrong way round. After the session's rules (from
    # probe33): 0.875, four, 36. Stages 0.95 after a postdoc became early career (REST, in my own words: "postdoc,
    # 2nd year" read as a student), which moved one of blind42's stage statements off and one of blind15's on.
    "blind42": {"answer_accuracy": 0.875, "wrong_way": 4, "stage_accuracy": 0.95, "yes_no_accuracy": 0.825,
                "yes_no_wrong": 3},
    # A forty-eighth writer's (fifty people who take the statement apart), committed (see git log) at the start of
    # the forty-fifth session, before it was first run, and run once with the reader as that session found it
    # (13:58 UTC, reader as at 1e5b059): 0.8675 read right, twelve the wrong way round, 30 asked again; stages
    # 0.967, yes/no 1.000. After the session's rules (actions/edits.py, from probe34): 0.8725, ten, 23.
    "blind43": {"answer_accuracy": 0.8725, "wrong_way": 10, "stage_accuracy": 0.9666, "yes_no_accuracy": 1.0,
                "yes_no_wrong": 0},
    # A forty-ninth writer's (fifty people whose answer has changed over time, who answer through then and now),
    # committed (see git log) at the start of the forty-sixth session, before it was first run, and run once with
    # the reader as that session found it (17:13 UTC, reader as at 8c56324): 0.935 read right, four the wrong way
    # round, 14 asked again; stages 0.933, yes/no 0.900 (three the wrong way round). After the session's rules
    # (then and now, from probe35): 0.945, four, 10; stages and yes/no unchanged.
    "blind44": {"answer_accuracy": 0.945, "wrong_way": 4, "stage_accuracy": 0.9333, "yes_no_accuracy": 0.9,
                "yes_no_wrong": 3},
    # A fiftieth writer's (fifty people who answer with conditions: "only if", "as long as", "unless", "depends",
    # counterfactuals, and how the condition stands for them), committed (see git log) at the start of the
    # forty-seventh session, before it was first run, and run once with the reader as that session found it
    # (20:26 UTC, reader as at 7b7be5c): 0.845 read right, eleven the wrong way round, 26 asked again; stages
    # 0.883, yes/no 0.900 (three the wrong way round). After the session's rules (conditions, from probe36):
    # 0.8725, ten, 16; stages 0.900, yes/no 0.975 (none the wrong way round).
    "blind45": {"answer_accuracy": 0.8725, "wrong_way": 10, "stage_accuracy": 0.9, "yes_no_accuracy": 0.975,
                "yes_no_wrong": 0},
    # A fifty-first writer's (fifty people who answer by comparison: against their other priorities, other
    # people, what they would trade, degree words), committed (see git log) at the start of the forty-eighth
    # session, before it was first run, and run once with the reader as that session found it (23:36 UTC, reader
    # as at e100609): 0.870 read right, seven the wrong way round, 26 asked again; stages 0.917, yes/no 1.000.
    # After the session's rules (comparisons, from probe37): 0.940, two, 12; stages 0.950, yes/no 1.000.
    "blind46": {"answer_accuracy": 0.94, "wrong_way": 2, "stage_accuracy": 0.95, "yes_no_accuracy": 1.0,
                "yes_no_wrong": 0},
    # A fifty-second writer's (fifty people who think out loud: self-corrections that turn the answer round or
    # change its strength, both sides weighed, trailing endings), committed (see git log) at the start of the
    # forty-ninth session, before it was first run, and run once with the reader as that session found it (03:24
    # UTC, reader as at 4276f88): 0.8625 read right, six the wrong way round, 2 asked again; stages 0.883, yes/no
    # 0.950 (none the wrong way round). After the session's rules (second thoughts, from probe38): 0.900, six, 2;
    # stages 0.900.
    "blind47": {"answer_accuracy": 0.9, "wrong_way": 6, "stage_accuracy": 0.9, "yes_no_accuracy": 0.95,
                "yes_no_wrong": 0},
    # Tuning slices to blind5's brief (2026-12-03's fourth session): their misses were read and rules
    # written for them, so they only guard against regressions. Floors: the figures after the last rule.
    "probe": {"answer_accuracy": 0.95, "wrong_way": 1, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0},
    "probe2": {"answer_accuracy": 0.955, "wrong_way": 0, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0},
    "probe3": {"answer_accuracy": 0.925, "wrong_way": 2, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0},
    # With the twenty-fourth session's side vocabulary (a retrained reader): 371.
    "probe4": {"answer_accuracy": 0.9275, "wrong_way": 1, "stage_accuracy": 0.98, "yes_no_accuracy": 1.0},
    # With the answer network's batches of 1,024 (2026-12-03's ninth session): one the wrong way round.
    "probe5": {"answer_accuracy": 0.95, "wrong_way": 1, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0},
    "probe6": {"answer_accuracy": 0.915, "wrong_way": 0, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0},
    # To blind19's brief (the twenty-first session): its misses were read and the change of mind written
    # for them, and a few rules more. Floors: the figures after them.
    "probe7": {"answer_accuracy": 0.9825, "wrong_way": 0, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0},
    # Answers easy to turn round (the twenty-first session): its misses were read and rules written for them
    # (double negatives, "not everyone ..., but I do", preferences between the two kinds of company).
    "probe8": {"answer_accuracy": 0.985, "wrong_way": 0, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0},
    # The twenty-second session's, committed before their first run (probe9 0.925 and probe10 0.953, two the
    # wrong way round each): their misses were read and rules written for them. Floors: the figures after them.
    # With the twenty-fourth session's side vocabulary (a retrained reader): two the wrong way round.
    "probe9": {"answer_accuracy": 0.9475, "wrong_way": 2, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0},
    # With the twenty-fourth session's side vocabulary (a retrained reader): 387.
    "probe10": {"answer_accuracy": 0.9675, "wrong_way": 0, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0},
    # Answers a hasty reader could turn round (the twenty-second session): 0.890 with seven the wrong way
    # round at its first run; its misses were read and rules written for them.
    "probe11": {"answer_accuracy": 0.92, "wrong_way": 0, "stage_accuracy": 0.98, "yes_no_accuracy": 1.0},
    # The twenty-third session's, committed before their first run (probe12 0.975 with one the wrong way round,
    # probe13 0.915 with four): their misses were read and rules written for them. Floors: the figures after.
    "probe12": {"answer_accuracy": 0.9775, "wrong_way": 0, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0},
    # With the twenty-fourth session's side vocabulary (a retrained reader): 383.
    "probe13": {"answer_accuracy": 0.9575, "wrong_way": 1, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0},
    # Answers that talk only about the other side of the statement (the twenty-third session): 0.690 with 62
    # the wrong way round at its first run. Not mended: a rule that turns round what the model reads of the
    # other side's words made every other slice worse (docs/benchmarks.md); a side that "never mattered/appealed
    # to me" (UNMOVED) mended two, a weighed conclusion ("... Definitely agree!") six; the twenty-fourth
    # session's side vocabulary in knowledge/career.yml (a retrained reader), "X isn't really for me" and an
    # echoed "Never." 294, 38 the wrong way round; the other side asked back ("Specialization? Hard pass.") 298,
    # 34; the twenty-fifth session's feelings about a thing on a side ("Honestly small data bores me.",
    # "Lean years are completely off the table") 305, 29; the twenty-sixth session's number after an intensifier
    # ("Absolutely a 5.") 307; the twenty-seventh session's want denied ("I don't think I need much job
    # security"), a felt thing that takes its side away ("Losing stability doesn't scare me") and "No problem at
    # all" 316, 23. The floors hold it there.
    "probe14": {"answer_accuracy": 0.79, "wrong_way": 23, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0},
    # Hurried phone and Slack typing (the twenty-third session): 0.888 with nine the wrong way round at its
    # first run ("+1" read as a rating of 1); its misses were read and rules written for them.
    "probe15": {"answer_accuracy": 0.92, "wrong_way": 0, "stage_accuracy": 0.98, "yes_no_accuracy": 0.975},
    # Answers about the other side, a second writer's (the twenty-fourth session): 0.9225 with nine the wrong
    # way round at its first run; its misses were read (weighed conclusions, the side vocabulary, the
    # twenty-fifth session's feelings about a side).
    "probe16": {"answer_accuracy": 0.965, "wrong_way": 4, "stage_accuracy": 0.98, "yes_no_accuracy": 1.0},
    # Answers that lean only by describing things in the writer's own words, criterion answers only (the
    # twenty-sixth session): 0.831 with five the wrong way round at its first run. Minimal pairs in training
    # (one frame, a thing from each side, labels mirrored) read it 0.853 with two, but turned five never-tuned
    # answers the wrong way round and mended four (counts only), so they are not in data/answers/. The idiom
    # of boredom ("about as exciting as reading tax forms") four.
    "probe17": {"answer_accuracy": 0.83, "wrong_way": 4},
    # Answers that grant a point first and then turn, criterion answers only (the twenty-seventh session):
    # 0.694 with 33 the wrong way round at its first run ("Sure, ..." read as the yes it opens with). A point
    # granted, then a turn, hands the answer on: 0.7625 with 14; a story's emphatic last sentence: 0.769; more
    # emphatic closings and a point granted at a later sentence's start (the twenty-ninth session): 0.781; the
    # other side asked back, then a point granted ("A safe job? Sure, in theory ..."): 0.784 with 13.
    "probe18": {"answer_accuracy": 0.78, "wrong_way": 13},
    # Answers told as stories of 15 to 60 words, criterion answers only (the twenty-eighth session): 0.878 with
    # six the wrong way round and 31 asked again at its first run. What follows a "never again" that says the
    # other side is the answer: 0.881 with five; a story's emphatic last sentence ("..., full stop") is its
    # conclusion: 0.884 with four; more emphatic closings (the twenty-ninth session): 0.8875.
    "probe19": {"answer_accuracy": 0.8875, "wrong_way": 4},
    # Two-sided answers that weigh the statement before they land, criterion answers only (the twenty-ninth
    # session): 0.797 with ten the wrong way round and 39 asked again at its first run. Sides weighed even
    # ("They balance out."), more emphatic closings ("..., no chance"), a point granted at a later sentence's
    # start and "I know X, but ...": 0.831 with seven; a lean said of the statement ("I'd lean towards it",
    # "Mildly against.") and what one tells oneself, then a turn: 0.85 with five; more ways to say one cannot
    # say ("I can't say whether ...", "I really don't know yet", "In the abstract I'm neutral."): 0.8625.
    "probe20": {"answer_accuracy": 0.8625, "wrong_way": 5},
    # Second-language speakers of English, criterion answers only (the thirtieth session): 0.884 with two the
    # wrong way round and 15 asked again at its first run. Neutral idioms ("not hot, not cold"), how much said
    # after the answer word ("Disagree totally"), "never again" opening the answer, "God forbid" and a thing
    # scoffed at ("Which ladder? ..."): 0.9125 with one; a thing preferred or said to be better ("I prefer to
    # touch a bit of everything"), the answer word said twice ("No no, ...") or after when ("At this moment
    # yes, ..."): 0.93125; "cannot work other way", "Mildly against." taken mildly and "half half" ending an
    # answer: 0.940625 with none.
    "probe21": {"answer_accuracy": 0.940625, "wrong_way": 0},
    # Dictated by voice, criterion answers, stages and yes/no (the thirty-first session): 0.959 with one the wrong
    # way round and five asked again at its first run; stages and yes/no 1.000. A change of mind after "sorry",
    # an answer word or a rating said last with no comma before it, a swear word inside "no way", "so strong
    # disagree", "yeah it depends": 0.984375 with none.
    "probe22": {"answer_accuracy": 0.984375, "wrong_way": 0, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0},
    # Formal, polite, understated (the thirty-second session): 0.903 with three the wrong way round and 18 asked
    # again at its first run; stages and yes/no 1.000. A verdict in measured words opening the answer ("I should
    # think not", "By no means.", "I could hardly agree more") or said after "so" ("so I'd be reluctant"),
    # "Perhaps a three": 0.959375 with none; "It does not matter to me in the least", "Oh, absolutely;": 0.965625;
    # "could not even contemplate a post without one": 0.971875.
    "probe23": {"answer_accuracy": 0.971875, "wrong_way": 0, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0},
    # Venting (the thirty-third session): 0.891 with four the wrong way round and 15 asked again at its first run;
    # stages 0.967, yes/no 1.000. The statement's topic named first ("Brand name... I'm neutral on that."): 0.928
    # with three; a thing put first or asked for ("Stability first, second and third."), leant away from, or
    # said not to be what matters, a choice not made, "Not sure, 50/50.": 0.946875 with one; "I can't take risks",
    # "nowhere near a must", "is for people with patience": 0.95625 with none.
    "probe24": {"answer_accuracy": 0.95625, "wrong_way": 0, "stage_accuracy": 0.96, "yes_no_accuracy": 1.0},
    # Tech insiders in industry shorthand (the thirty-fourth session): 0.900 with four the wrong way round and 15
    # asked again at its first run; stages 0.933, yes/no 0.95 (one the wrong way round). A tag question, a closing
    # vote, "X or bust", "would rather not", a thing asked back in its own sentence: 0.91875 with three; an
    # undecided ending in shorthand, a side that beats what is no side: 0.93125 with two. A degree finished in a
    # month named: stages 1.000; "native", "birth certificate": yes/no 1.000.
    "probe25": {"answer_accuracy": 0.93125, "wrong_way": 2, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0,
                "yes_no_wrong": 0},
    # Very-online people in their twenties (the thirty-fifth session): 0.940625 with two the wrong way round and
    # ten asked again at its first run; stages and yes/no 1.000. Idioms of liking and dislike ("my kryptonite",
    # "my whole personality"), "give me X", "call it a 3", "i'd rather not trade X", undecided endings
    # ("no take", "doesn't excite me or bore me"): 0.965625 with none.
    "probe26": {"answer_accuracy": 0.965625, "wrong_way": 0, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0,
                "yes_no_wrong": 0},
    # People who think in numbers and ML jargon (the thirty-sixth session): 0.903125 with three the wrong way
    # round and 15 asked again at its first run; stages and yes/no 1.000. Ratings out of ten, a verdict before
    # its story, undecided said as a risk attitude or equal weights, a weight on a thing or a preference for it,
    # shares of a whole: 0.95 with one.
    "probe27": {"answer_accuracy": 0.95, "wrong_way": 1, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0,
                "yes_no_wrong": 0},
    # People who answer with humour (the thirty-seventh session): 0.928125 with three the wrong way round and
    # 15 asked again at its first run; stages 0.967, yes/no 1.000. A short verdict after its story, a side
    # granted then something else preferred, a verdict that leans before its story, a conclusion after "so":
    # 0.94375 with one.
    "probe28": {"answer_accuracy": 0.94375, "wrong_way": 1, "stage_accuracy": 0.96, "yes_no_accuracy": 1.0,
                "yes_no_wrong": 0},
    # People who each write in the English of where they live or grew up (the thirty-eighth session): 0.9375
    # with two the wrong way round and 14 asked again at its first run; stages 1.000, yes/no 1.000. "Nah yeah",
    # a question word exclaimed, other Englishes' negations, intensifiers, tags and "no bother", an
    # exclamation before the answer word: 0.965625 with none.
    "probe29": {"answer_accuracy": 0.965625, "wrong_way": 0, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0,
                "yes_no_wrong": 0},
    # People weighing a concrete choice (the forty-first session): 0.975 with none the wrong way round and 7 asked
    # again at its first run; stages 1.000, yes/no 1.000.
    "probe30": {"answer_accuracy": 0.975, "wrong_way": 0, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0,
                "yes_no_wrong": 0},
    # People who answer through what others say of them and through their own past (the forty-second session):
    # 0.841 with seven the wrong way round and 37 asked again at its first run; stages 0.933, yes/no 0.95. After a
    # view reported, then answered (reader.view_then_own): 0.947, one, 12.
    "probe31": {"answer_accuracy": 0.946875, "wrong_way": 1, "stage_accuracy": 0.9333, "yes_no_accuracy": 0.95,
                "yes_no_wrong": 1},
    # People who answer in figures of speech (the forty-third session): 0.903 with two the wrong way round and 25
    # asked again at its first run; stages 1.000, yes/no 1.000. After the session's rules: 0.934, one, 16.
    "probe32": {"answer_accuracy": 0.934375, "wrong_way": 1, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0,
                "yes_no_wrong": 0},
    # People who answer with questions (the forty-fourth session): 0.791 with four the wrong way round and 58 asked
    # again at its first run; stages 0.933, yes/no 0.80. After a question of one's own read with its answer: 0.969,
    # none, four.
    "probe33": {"answer_accuracy": 0.96875, "wrong_way": 0, "stage_accuracy": 0.9333, "yes_no_accuracy": 1.0,
                "yes_no_wrong": 0},
    # People who take the statement apart (the forty-fifth session): 0.906 with two the wrong way round and 16
    # asked again at its first run; stages 0.967, yes/no 1.000. After the statement's own words read as edits
    # (actions/edits.py) and leans closing an answer: 0.984, none, one.
    "probe34": {"answer_accuracy": 0.984375, "wrong_way": 0, "stage_accuracy": 0.9666, "yes_no_accuracy": 1.0,
                "yes_no_wrong": 0},
    # People whose answer has changed over time (the forty-sixth session): 0.956 with three the wrong way round and
    # nine asked again at its first run; stages 0.933, yes/no 0.950. After a past view read by what is said now
    # (reader.PAST_SELF, PAST_VIEW, NOW_SAID, a past view in a later sentence), a lean opening an answer, a stage
    # then and now, and the question's verb said back: 0.9875, none, two; stages and yes/no 1.000.
    "probe35": {"answer_accuracy": 0.9875, "wrong_way": 0, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0,
                "yes_no_wrong": 0},
    # People who answer with conditions (the forty-seventh session): 0.869 with eight the wrong way round and 18
    # asked again at its first run; stages 0.767, yes/no 0.800. After what is said outside a condition read as the
    # answer (actions/conditions.py): 0.919, two, 11; with years counted as work and yes/no through a condition,
    # stages 0.867 and yes/no 1.000; with the only way to a yes said to fail, 0.922, two, nine.
    "probe36": {"answer_accuracy": 0.921875, "wrong_way": 2, "stage_accuracy": 0.8666, "yes_no_accuracy": 1.0,
                "yes_no_wrong": 0},
    # People who answer by comparison (the forty-eighth session): 0.884 with four the wrong way round and 18 asked
    # again at its first run; stages 0.833, yes/no 0.950. After answers by comparison (actions/comparisons.py):
    # 0.9906, none, two; a stage measured against others' and "less than a year": stages 0.933. Its one yes/no
    # missed is read the wrong way round ("fewer months of savings than I have fingers on one hand").
    "probe37": {"answer_accuracy": 0.990625, "wrong_way": 0, "stage_accuracy": 0.9333, "yes_no_accuracy": 0.95,
                "yes_no_wrong": 1},
    # People who think out loud (the forty-ninth session): 0.856 with 22 the wrong way round and 13 asked again at
    # its first run; stages 0.933, yes/no 1.000. After what follows a doubt read as the answer
    # (actions/thinking.py) and a strength corrected on the same side: 0.944, three, eight; a count said again
    # after "... no": stages 0.967; with an answer only planned ("I didn't think so, but") and both answers tried
    # with no landing: 0.953, two, eight.
    "probe38": {"answer_accuracy": 0.953125, "wrong_way": 2, "stage_accuracy": 0.9666, "yes_no_accuracy": 1.0,
                "yes_no_wrong": 0},
    # Typed answers only, a fourth writer's: tuned on, then folded into training.
    "fresh": {"answer_accuracy": 0.99, "wrong_way": 0, "stage_accuracy": 1.0, "yes_no_accuracy": 1.0},
    "tune": {"answer_accuracy": 0.95, "wrong_way": 0, "stage_accuracy": 0.96, "yes_no_accuracy": 0.96,
             "chat": 0.93, "long_form": 0.84, "opener": 0.96, "entities": 0.94,
             "openers_started": 0.98, "personas_right": 27 / 28},
}


@pytest.fixture(scope="module")
def the_reader():
    return reader.build()


@pytest.mark.parametrize("slice_name", understanding.SLICES + understanding.ANSWER_SLICES)
def test_typed_answers(the_reader, slice_name):
    figures = understanding.answer_figures(slice_name, the_reader)
    floor = FLOORS[slice_name]
    # a never-tuned slice's texts are not shown, even when a floor fails: counts only
    shown = ({key: value for key, value in figures.items() if not key.endswith(("_examples", "_misses"))}
             if slice_name in understanding.NEVER_TUNED else figures)
    print(shown)
    assert figures["answer_accuracy"] >= floor["answer_accuracy"]
    assert figures["wrong_way"] <= floor["wrong_way"], shown.get("wrong_way_examples", figures["wrong_way"])
    if "stage_accuracy" in floor:
        assert figures["stage_accuracy"] >= floor["stage_accuracy"], shown.get("stage_misses",
                                                                                  figures["stage_accuracy"])
        assert figures["yes_no_accuracy"] >= floor["yes_no_accuracy"]
    else:  # only a slice of criterion answers alone (probe17) may have no floor for them
        assert figures["stage_statements"] == figures["yes_no_answers"] == 0
    assert figures["yes_no_wrong"] <= floor.get("yes_no_wrong", 0)


# Typed answers taken for a question or a command: none on any slice after d77be14 (7 before it); one of
# blind8's 500, found at its second run (2026-12-02 14:52) and not read; three of blind11's 500, found at
# its first run (2026-12-03 07:05) and not read; one of blind12's 500, found at its run after the fourth
# session's changes (2026-12-03) and not read; three of blind15's 500, found at its first run of this test
# (2026-12-03 15:24, sixth session) and not read; one of blind16's 500, found at its first run (2026-12-03
# 17:18, seventh session) and not read; one of blind17's 500, found at its first run (2026-12-03 21:30,
# eighth session) and not read; two of blind30's 500, found at its first run (2026-12-05 13:53, thirtieth
# session) and not read. Two of the tuning slices' ("Depth, thanks.", "savings? what savings lol") were read
# and fixed.
TAKEN = {"blind8": 1, "blind11": 3, "blind12": 1, "blind15": 3, "blind16": 1, "blind17": 1,
         # two of blind33's 500, found at its first run of this test (2026-12-05 23:44, thirty-third session,
         # after 8a1e013); the parser's debug lines of a failing run then showed one of them (a stage
         # statement), now kept from the output below
         "blind33": 2,
         # one of blind38's 500, found at its first run of this test (2026-12-06 15:52, thirty-eighth session,
         # before any change to the reader or the parser) and not read
         "blind38": 1,
         # Asides (questions, commands, remarks typed at a question) are left for their rule more readily since the
         # thirty-ninth session (tests/eval/asides_probe): one more of blind5's and blind22's 500 and one more of
         # blind30's are taken for one, found by that session's counts and not read (a meaning question, a
         # command with the assessment named, a question about the statement); each then gets its reply and the
         # same question again
         "blind5": 1, "blind22": 1, "blind30": 3,
         # six of blind39's 500 at its first run (2026-12-07 01:25, forty-first session, before any change); five
         # of probe30's were stage statements with an offer in them ("4 years at Amazon, now holding an offer from
         # a seed startup") taken for the result asked. A stage stated outright at the stage question is its
         # answer since (reader.stage_told): three of blind39's are left, not read
         "blind39": 3,
         # people who answer with questions (the forty-fourth session): 50 of blind42's 500 and 43 of probe33's 370
         # at their first run, before any change; after a question of one's own answered and a stage placed
         # (reader.own_questions_only, SELF_PLACED), 35 and 6, blind42's not read
         "blind42": 35, "probe33": 6,
         # people who take the statement apart (the forty-fifth session): two of blind43's 500 at its first run,
         # before any change, and not read; none of probe34's 370. People who answer through then and now (the
         # forty-sixth session): none of blind44's 500 nor of probe35's 370
         "blind43": 2,
         # people who answer with conditions (the forty-seventh session): one of blind45's 500 at its first run,
         # before any change, and not read; none of probe36's 370
         "blind45": 1}


@pytest.mark.parametrize("slice_name", understanding.SLICES + understanding.ANSWER_SLICES)
def test_typed_answers_reach_the_reader(slice_name):
    # the parser prints each message it parses: a never-tuned slice's texts are kept from a failure's output
    with contextlib.redirect_stdout(io.StringIO()) if slice_name in understanding.NEVER_TUNED else \
            contextlib.nullcontext():
        figures = understanding.answers_taken_for_questions(slice_name)
    assert figures["taken"] <= TAKEN.get(slice_name, 0), (
        figures["taken"] if slice_name in understanding.NEVER_TUNED else figures["taken_examples"])


@pytest.mark.parametrize("slice_name", understanding.SLICES)
def test_intents_and_entities(slice_name):
    figures = understanding.nlu_figures(slice_name)
    floor = FLOORS[slice_name]
    print(figures)
    for kind in ("chat", "long_form", "opener"):
        assert figures["intent_accuracy"][kind] >= floor[kind], (kind, figures["confusions"])
    assert figures["entity_recall"] >= floor["entities"], figures["entity_misses"]
    assert figures["entity_precision"] >= floor["entities"], figures["entity_misses"]


@pytest.mark.parametrize("slice_name", understanding.SLICES)
def test_openers_start_the_assessment(advisor, slice_name):
    figures = understanding.opener_figures(slice_name, advisor.say)
    print(figures)
    assert figures["started"] / figures["openers"] >= FLOORS[slice_name]["openers_started"], \
        figures["missed"]


@pytest.mark.parametrize("slice_name", understanding.SLICES)
def test_simulated_people_reach_the_right_recommendation(advisor, slice_name):
    figures = understanding.persona_figures(slice_name, advisor.say)
    print({k: v for k, v in figures.items() if k != "misses"})
    assert figures["loops"] == 0
    assert figures["right"] / figures["personas"] >= FLOORS[slice_name]["personas_right"], \
        figures["misses"]


# Asides typed while a question is pending (tests/understanding.aside_figures): the share handled as meant,
# and how many were noted as the pending question's answer. At their first run (thirty-ninth session, 19:03
# UTC): asides_probe 0.404 with 44 taken as an answer, asides 0.392 with 48; after that session's rules, from
# asides_probe's misses (asides' never read), 0.7875 with 11 and 0.579 with 31. The floors are the figures after
# the fortieth session's (meanings from knowledge/, returns, pauses): 0.846 with 7, and 0.6125 with 29.
ASIDE_FLOORS = {
    "asides_probe": {"handled": 0.83, "taken_as_answer": 8},
    "asides": {"handled": 0.60, "taken_as_answer": 30},
}


@pytest.mark.parametrize("slice_name", understanding.ASIDE_SLICES)
def test_asides_typed_at_a_question(advisor, slice_name):
    figures = understanding.aside_figures(slice_name, advisor)
    # a never-tuned slice's texts are not shown, even when a floor fails: counts only
    shown = understanding.aggregates(figures) if slice_name in understanding.NEVER_TUNED else figures
    print(shown)
    assert figures["handled"] >= ASIDE_FLOORS[slice_name]["handled"], shown
    assert figures["taken_as_answer"] <= ASIDE_FLOORS[slice_name]["taken_as_answer"], shown


@pytest.mark.parametrize("slice_name", understanding.NEVER_TUNED)
def test_never_tuned_slices_are_never_folded(tmp_path, slice_name):
    with pytest.raises(ValueError, match="never folded"):
        fold.fold(slice_name, root=tmp_path)


def test_an_answers_only_slice_folds_its_answers(tmp_path):
    (tmp_path / "data" / "answers").mkdir(parents=True)
    written = fold.fold("fresh", root=tmp_path)
    assert [p.name for p in written] == ["fresh_slice.yml"]  # no NLU file: the slice has none
    folded = yaml.safe_load(written[0].read_text(encoding="utf-8"))
    source = understanding.load("fresh", "answers")
    assert folded["answers"] == [{k: a[k] for k in ("question", "text", "label")} for a in source["answers"]]
    assert len(folded["stage"]) == len(source["stage"])


def test_an_asides_slice_folds_its_asides_as_nlu_examples(tmp_path):
    (tmp_path / "data" / "nlu").mkdir(parents=True)
    [written] = fold.fold("asides_probe", root=tmp_path)
    assert written.name == "asides_asides_probe.yml"
    folded = {intent: examples for intent, examples in
              ((block["intent"], block["examples"]) for block in yaml.safe_load(written.read_text())["nlu"])}
    source = understanding.load("asides_probe", "asides")["asides"]
    assert sum(len(examples) for examples in folded.values()) == len(source)
    assert "restart" not in folded and "start_over" in folded  # the writers' name for it, aliased
    factors = {str(a["text"]): a["factor"] for a in source if a["intent"] == "ask_factor"}
    assert {e["text"]: e["metadata"]["factor"] for e in folded["ask_factor"]} == factors
    # a cross-validation's fold: these people's asides only
    half = yaml.safe_load(fold.asides_yaml("asides_probe", {"p01", "p02"}))["nlu"]
    assert sum(len(block["examples"]) for block in half) == sum(a["person"] in ("p01", "p02") for a in source)


def test_a_never_tuned_slices_misses_are_not_printed():
    figures = {"answers": {"answer_accuracy": 0.9, "wrong_way_examples": [("no way", 1, 5)]},
               "personas": {"right": 3, "misses": ["p01"], "by": {"n": 2, "examples": ["x"]}}}
    assert understanding.aggregates(figures) == {"answers": {"answer_accuracy": 0.9},
                                                 "personas": {"right": 3, "by": {"n": 2}}}

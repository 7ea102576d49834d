"""Two-fold cross-validation of the answer reader over its training files (data/answers): the files
alternate between the folds, each fold is read by a reader trained on the other, rules in front as in
the running bot. Prints read right, the wrong way round and asked again for the agreement answers, and
the yes/no answers' figures: the figures docs/benchmarks.md gives for changes to the reader.

    python -m bench.reader_cv [--bar 0.90]
"""
import argparse
from pathlib import Path
from typing import Dict, List, Optional

from actions import knowledge, reader
from tests.understanding import wrong_way


def cross_validate(k: knowledge.Knowledge, files: Optional[List[Path]] = None) -> Dict[str, int]:
    """The counts over both folds, for `files` (default: all the reader's training files)."""
    files = files or reader.training_files()
    folds = [files[0::2], files[1::2]]
    counts = dict(answers=0, right=0, wrong_way=0, unread=0, yes_no=0, yes_no_right=0, yes_no_wrong=0)
    for held_out, trained_on in ((folds[0], folds[1]), (folds[1], folds[0])):
        fold_reader = reader.Reader(k, reader.load_training(k, trained_on))
        data = reader.load_labelled(k, held_out)
        for text, question, label in data.agreement:
            value = fold_reader.read_agreement(text, question).value
            counts["answers"] += 1
            counts["right"] += value == label
            counts["unread"] += value is None
            counts["wrong_way"] += value is not None and wrong_way(label, value)
        for text, question, label in data.yes_no:
            value = fold_reader.read_yes_no(text, question).value
            counts["yes_no"] += 1
            counts["yes_no_right"] += value is label
            counts["yes_no_wrong"] += value is not None and value is not label
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bar", type=float, default=reader.MIN_SIDE,
                        help="the side bar (reader.MIN_SIDE) to read at")
    reader.MIN_SIDE = parser.parse_args().bar
    c = cross_validate(knowledge.default())
    print(f"bar {reader.MIN_SIDE}: {c['answers']} typed answers, read right {c['right'] / c['answers']:.4f}, "
          f"the wrong way round {c['wrong_way']}, asked again {c['unread']}; yes/no "
          f"{c['yes_no_right'] / c['yes_no']:.4f} of {c['yes_no']}, {c['yes_no_wrong']} the wrong way round")


if __name__ == "__main__":
    main()

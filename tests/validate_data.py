"""`rasa data validate --fail-on-warnings`, strict where Rasa 3.6 is not, quiet where it is wrong.

- Rasa 3.6 prints a warning for a response that no story or rule names but still passes
  (RasaHQ/rasa#11843): here every warning fails.
- It counts a response as used only when a story or rule names it, so it warns about responses Rasa
  sends by itself: the form's `utter_ask_<slot>` questions and `utter_restart` after a restart. Those
  count as used here, and so do the responses the project's custom actions send by name
  (actions/replies.py).
"""
from __future__ import annotations

import sys
import warnings
from typing import Set, Text

from rasa.shared.importers.importer import TrainingDataImporter
from rasa.validator import Validator

from actions.replies import RESPONSES_SENT
from bot.runtime.launch import ROOT

# Responses Rasa's own actions send by name (action_restart, action_back, the fallback actions).
SENT_BY_RASA = {"utter_restart", "utter_back", "utter_default", "utter_ask_rephrase"}


class AdvisorValidator(Validator):
    def _gather_utterance_actions(self) -> Set[Text]:
        asked_by_forms = {
            f"utter_ask_{prefix}{slot}"
            for form, spec in self.domain.forms.items()
            for slot in spec.get("required_slots", [])
            for prefix in ("", f"{form}_")
        }
        return (super()._gather_utterance_actions() - asked_by_forms - SENT_BY_RASA
                - set(RESPONSES_SENT))


def validate(validator: Validator) -> bool:
    """Rasa's checks of `rasa data validate`; False if one fails or warns."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        passed = all([
            validator.verify_domain_validity(),
            validator.verify_actions_in_stories_rules(),
            validator.verify_forms_in_stories_rules(),
            validator.verify_form_slots(),
            validator.verify_slot_mappings(),
            validator.verify_nlu(ignore_warnings=False),
            validator.verify_story_structure(ignore_warnings=False),
        ])
    problems = [str(w.message) for w in caught if issubclass(w.category, UserWarning)]
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    return passed and not problems


def project_importer() -> TrainingDataImporter:
    """The project's data as `rasa train` reads it, through config.yml's importer."""
    return TrainingDataImporter.load_from_config(
        str(ROOT / "config.yml"), str(ROOT / "bot" / "domain.yml"), [str(ROOT / "data")])


def main() -> int:
    if not validate(AdvisorValidator.from_importer(project_importer())):
        print("Project validation completed with errors.", file=sys.stderr)
        return 1
    print("Project validation passed: no errors, no warnings.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

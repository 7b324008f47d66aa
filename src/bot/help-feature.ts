import { buildHelpCard } from "../cards/help-card.ts";
import { CARD_VERBS } from "../cards/verbs.ts";
import type { Feature } from "../messaging.ts";

const ASKS_FOR_HELP = /^(help|\?|commands|what can (you|i) do)\W*$/i;

/** `help` (typed, or the Help button on the welcome card): what this person can do, by role. */
export function helpFeature(): Feature {
  return {
    name: "help",
    commands: [
      {
        name: "help",
        matches: (text) => ASKS_FOR_HELP.test(text.trim()),
        handle: (turn) => turn.reply(buildHelpCard({ person: turn.person }), "What you can do"),
      },
    ],
    cardActions: {
      [CARD_VERBS.help]: async (turn) => buildHelpCard({ person: turn.person }),
    },
  };
}

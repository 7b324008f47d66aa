import { PhraseIndex } from "./phrase-index.ts";

/**
 * The fixed grammar: RAG words, review states, completion, counting and summary, "my", and the
 * words that join or negate. Longer phrases win, so "not updated this quarter" beats "not".
 * "Late" and "behind" are Red in the plan's sense (timescale not being achieved); "overdue" is a
 * date that has passed (see date-phrases).
 */
export function corePhrases(): PhraseIndex {
  built ??= buildCorePhrases();
  return built;
}

// Built on first use, not when the server loads its code: it is a few tens of milliseconds of
// every start-up, and the question index builds it once the server is running.
let built: PhraseIndex | undefined;

function buildCorePhrases(): PhraseIndex {
  return (
    new PhraseIndex()
      // RAG
      .add("(red|reds|behind|late|slipping|delayed)", { kind: "rag", rags: ["Red"] })
      .add("[running|fallen|falling|fall|running] (behind|late) [schedule|time]", {
        kind: "rag",
        rags: ["Red"],
      })
      .add("(off track|off target|in the red|rated red|red rated|red rag|rag red)", {
        kind: "rag",
        rags: ["Red"],
      })
      .add("[timescale|timescales] not being achieved", { kind: "rag", rags: ["Red"] })
      .add("(amber|ambers|rated amber|amber rated|amber rag|rag amber)", {
        kind: "rag",
        rags: ["Amber"],
      })
      .add("(green|greens|rated green|green rated|green rag|rag green)", {
        kind: "rag",
        rags: ["Green"],
      })
      .add("on (track|time|target|schedule)", { kind: "rag", rags: ["Green"] })
      // The plan's key: Amber is "under way but at risk", and the import reads an "At risk" cell as Amber.
      .add("(at risk|risky)", { kind: "rag", rags: ["Amber"] })
      .add("(red amber|amber red)", { kind: "rag", rags: ["Red", "Amber"] })
      .add("(red|reds) (or|and) (amber|ambers)", { kind: "rag", rags: ["Red", "Amber"] })
      .add("(amber|ambers) (or|and) (red|reds)", { kind: "rag", rags: ["Red", "Amber"] })
      .add("(not|non|anything but|everything but|other than) (green|greens|on track)", {
        kind: "rag",
        rags: ["Red", "Amber", "none"],
      })
      .add("(not|non|anything but|everything but|other than) (red|reds)", {
        kind: "rag",
        rags: ["Amber", "Green", "none"],
      })
      .add("(not|non|anything but|everything but|other than) (amber|ambers)", {
        kind: "rag",
        rags: ["Red", "Green", "none"],
      })
      .add("(no|without [a|any]|missing [a]) (rag|rating|rag rating)", {
        kind: "rag",
        rags: ["none"],
      })
      .add("(unrated|not rated|not yet rated)", { kind: "rag", rags: ["none"] })
      // Dates that need no calendar
      .add("(overdue|over due|past due|out of date)", { kind: "date", date: { kind: "overdue" } })
      .add("(past|missed|passed) [the|their|its] (deadline|due date|completion date|target date)", {
        kind: "date",
        date: { kind: "overdue" },
      })
      .add("(no|without [a|any]|missing [a]) [due|completion|target|end] (date|deadline) [set]", {
        kind: "date",
        date: { kind: "noDate" },
      })
      .add("(undated|tbc|date tbc|dates tbc|to be confirmed)", {
        kind: "date",
        date: { kind: "noDate" },
      })
      // Review state
      .add(
        "(awaiting|await|waiting [for]|pending|needing|needs|need|ready for|for|to|requiring|requires) (sign off|signing off|approval|approving|dmt [sign off|approval])",
        { kind: "review", review: { kind: "awaitingSignOff" } },
      )
      .add(
        "(awaiting|await|waiting [for]|pending|needing|needs|need|requiring|requires) [a] [dmt] decision",
        { kind: "review", review: { kind: "awaitingSignOff" } },
      )
      .add("(awaiting|pending|submitted|waiting|sign off|with dmt|to approve|to be approved)", {
        kind: "review",
        review: { kind: "awaitingSignOff" },
      })
      .add(
        "(returned|sent back|rejected|bounced [back]|returned for (changes|amendments|more work))",
        {
          kind: "review",
          review: { kind: "returned" },
        },
      )
      .add(
        "(approved [this (quarter|review|time|round)]|signed off this (quarter|review|time|round))",
        {
          kind: "review",
          review: { kind: "approved" },
        },
      )
      .add(
        "(not|never|no|hasnt|havent|hadnt|has not|have not) [yet|been|yet been|been yet] updated [yet] [this (quarter|review|time|round)]",
        { kind: "review", review: { kind: "notUpdated" } },
      )
      .add(
        "(no|without [an|any]|missing [an]|(hasnt|havent|has not|have not) (had|got|given|sent|submitted) [an|any]) [progress] (update|updates) [yet] [this (quarter|review|time|round)]",
        { kind: "review", review: { kind: "notUpdated" } },
      )
      .add("(outstanding|missing|overdue) [progress] updates", {
        kind: "review",
        review: { kind: "notUpdated" },
      })
      .add(
        "(updated|(has|have) been updated|with [an] (update|updates)) [this (quarter|review|time|round)]",
        {
          kind: "review",
          review: { kind: "updated" },
        },
      )
      .add("(updated|update|updates) since [the] last (quarter|review)", {
        kind: "review",
        review: { kind: "updated" },
      })
      .add(
        "(changed|change|changes|changing|moved|turned|went|gone|gone to) [rag|rating|status|colour|color] [since [the] last (quarter|review)]",
        { kind: "review", review: { kind: "changedRag" } },
      )
      .add(
        "(rag|rating|status) (changed|change|changes|moved) [since [the] last (quarter|review)]",
        {
          kind: "review",
          review: { kind: "changedRag" },
        },
      )
      .add("(since [the] last (quarter|review)|(different|changed) from last (quarter|review))", {
        kind: "review",
        review: { kind: "changedRag" },
      })
      // Completion
      .add("(complete|completed|done|finished|signed off|closed|marked complete)", {
        kind: "completion",
        completion: "complete",
      })
      .add(
        "(incomplete|uncompleted|not complete|not completed|not done|not finished|not closed|not signed off|not yet complete|open|still open|outstanding|in progress|ongoing|live)",
        { kind: "completion", completion: "open" },
      )
      // What kind of answer
      .add("(how many|hw many|count [of]|number of|total [number of]|totals|how much)", {
        kind: "count",
      })
      .add(
        "(summary|summaries|summarise|summarize|sum up|overview|breakdown|break down|rag summary|status summary)",
        { kind: "summary" },
      )
      .add(
        "(all|everything|every action|whole plan|full plan|entire plan|full list|list|action|actions)",
        { kind: "everything" },
      )
      // Whose
      .add(
        "(my|mine|for me|assigned to me|allocated to me|(i|im|i am) (lead|leading|own|manage|managing|responsible for)|(that|which) i (lead|own))",
        { kind: "mine" },
      )
      .add(
        "(for|lead|leads|led|owner|owned|led by|lead by|owned by|run by|managed by|held by|by)",
        {
          kind: "nameMarker",
        },
      )
      .add(
        "(about|mentioning|mention|mentions|regarding|re|containing|contains|involving|concerning|anything on|(related|relating|relevant) to|to do with|on the (subject|topic) of|with the (word|words))",
        { kind: "about" },
      )
      // Joining and negating
      .add("(or|either)", { kind: "or" })
      .add("(and|plus|as well as|also)", { kind: "and" })
      .add(
        "(not|no|non|without|except|excluding|exclude|but not|other than|apart from|isnt|arent|hasnt|havent|never)",
        { kind: "negation" },
      )
      .add("(got|gotten|gone|went|getting|become|became|turned|moved) (worse|down)", {
        kind: "review",
        review: { kind: "worse" },
      })
      .add("(worse|worsened|worsening|deteriorated|deteriorating|declined|slipped|dropped)", {
        kind: "review",
        review: { kind: "worse" },
      })
      .add("(got|gone|went|getting|become|became|moved) (better|up)", {
        kind: "review",
        review: { kind: "better" },
      })
      .add("(better|improved|improving)", { kind: "review", review: { kind: "better" } })
      .add("[at|as at|in|by|for|during] [the] (last|previous|prior) (quarter|review)", {
        kind: "asAt",
        quartersBack: 1,
      })
      .add("(last|previous|prior) (month|year)", {
        kind: "problem",
        reason:
          "I can answer about the ratings DMT approved last quarter, not by month or year. Try \u201cwhat was red last quarter\u201d or \u201cwhat changed since last quarter\u201d.",
      })
  );
}

import { PhraseIndex } from "./phrase-index.ts";

/** Words busy people add that change nothing: "can you show me", "please", "thanks". */
const FILLER_WORDS = `a an any anything are as at be been being bring can could currently cheers
  did do does doing display find get give going got had happening has have hello hey hi how i id if in
  info into is it its just know kindly latest let lets like look looking me moment most now of ok
  okay on one ones our pls plz please progress pull quick quickly right see show showing so some
  something still tell thank thanks that the their them there these they thing things this those thx
  to today up us want was we were what whats wat wats wot which whch whos who why with would you your
  u ur where when items item stuff currently plan plans the plan priority priorities pri prio rag
  rating ratings status due date dates deadline deadlines before since until till by next this
  quarter month quarters months year update updates send sending email anyone someone which ones
  happen happened leading working looking doing`;

export const FILLERS: string[] = [...new Set(FILLER_WORDS.split(/\s+/).filter(Boolean))];

export const FILLER_PHRASES = new PhraseIndex();
for (const word of FILLERS) FILLER_PHRASES.addPhrase(word, { kind: "filler" });

import { RAG_KEY, RAGS, type Rag } from "../domain/rag.ts";
import type { CardElement } from "./card-json.ts";
import {
  actionSet,
  container,
  errorText,
  subtleText,
  textBlock,
  toggleAction,
} from "./elements.ts";
import { escapeCardText } from "./escape-card-text.ts";
import { ragColour } from "./rag-badge.ts";
import { PROGRESS_MAX_LENGTH } from "./verbs.ts";

/** The update form's input ids; they are also the keys of the `submitUpdate` payload. */
export const UPDATE_FORM_FIELDS = [
  "progress",
  "proposedRag",
  "difference",
  "nextSteps",
  "revisedDate",
  "revisedDateReason",
  "evidenceUrl",
  "proposeCompletion",
  "ragJustification",
] as const;
export type UpdateFormField = (typeof UPDATE_FORM_FIELDS)[number];

/** How each field is named to the person, in error summaries. */
export const UPDATE_FORM_FIELD_NAMES: Record<UpdateFormField, string> = {
  progress: "Progress",
  proposedRag: "Proposed RAG",
  difference: "Difference made",
  nextSteps: "What happens next",
  revisedDate: "Revised completion date",
  revisedDateReason: "Reason for the new date",
  evidenceUrl: "Evidence link",
  proposeCompletion: "Completion sign-off",
  ragJustification: "Reason for Green",
};

/** Values to put back in the form: a parsed submission, or the raw text of one that failed. */
export type UpdateFormDraft = {
  progress?: string;
  difference?: string;
  nextSteps?: string;
  proposedRag?: string | null;
  revisedDate?: string | null;
  revisedDateReason?: string;
  evidenceUrl?: string;
  proposeCompletion?: boolean | string;
  ragJustification?: string;
};

export type RagSuggestion = { rag: Rag; reason: string };

export type UpdateFormErrors = Partial<Record<UpdateFormField, string>>;

type FieldsInput = {
  suggestion: RagSuggestion | null;
  draft?: UpdateFormDraft;
  errors?: UpdateFormErrors;
};

const isRag = (value: unknown): value is Rag => RAGS.includes(value as Rag);

/** Input values are raw (not Markdown), so typed text goes back exactly as it came. */
function withValue(input: CardElement, value: string | null | undefined): CardElement {
  return value ? { ...input, value } : input;
}

function textInput(id: UpdateFormField, label: string, draft: UpdateFormDraft, extra = {}) {
  const value = draft[id];
  return withValue(
    { type: "Input.Text", id, label, ...extra },
    typeof value === "string" ? value : "",
  );
}

/** The inputs of the update form, each followed by its error (in red) when there is one. */
export function updateFormFields({
  suggestion,
  draft = {},
  errors = {},
}: FieldsInput): CardElement[] {
  const chosenRag = isRag(draft.proposedRag) ? draft.proposedRag : suggestion?.rag;
  const completion = draft.proposeCompletion === true || draft.proposeCompletion === "true";
  const ragHelp: CardElement[] = [
    ...(suggestion
      ? [
          textBlock(`Suggested: ${suggestion.rag} \u2014 ${escapeCardText(suggestion.reason)}`, {
            color: ragColour(suggestion.rag),
            size: "small",
          }),
        ]
      : []),
    subtleText(RAGS.map((rag) => `${rag}: ${RAG_KEY[rag]}`).join(" \u00b7 ")),
  ];
  // Each field: its input, then its error (so the red line sits right under it), then any help.
  const fields: Array<[UpdateFormField, CardElement, CardElement[]]> = [
    [
      "progress",
      textInput("progress", "Progress this quarter", draft, {
        isMultiline: true,
        isRequired: true,
        maxLength: PROGRESS_MAX_LENGTH,
        placeholder: "What has happened since the last update?",
        errorMessage: "Please write what has happened this quarter.",
      }),
      [],
    ],
    [
      "proposedRag",
      withValue(
        {
          type: "Input.ChoiceSet",
          id: "proposedRag",
          label: "Proposed RAG",
          style: "compact",
          isRequired: true,
          errorMessage: "Choose Red, Amber or Green.",
          placeholder: "Choose a rating",
          choices: RAGS.map((rag) => ({ title: rag, value: rag })),
        },
        chosenRag,
      ),
      ragHelp,
    ],
    [
      "revisedDate",
      withValue(
        { type: "Input.Date", id: "revisedDate", label: "Revised completion date (optional)" },
        // A date picker only holds YYYY-MM-DD; anything else would be dropped by Teams anyway.
        typeof draft.revisedDate === "string" && /^\d{4}-\d{2}-\d{2}$/.test(draft.revisedDate)
          ? draft.revisedDate
          : null,
      ),
      [],
    ],
    [
      "revisedDateReason",
      textInput("revisedDateReason", "Reason for the new date", draft, {
        placeholder: "Needed when you give a new date",
      }),
      [],
    ],
    [
      "evidenceUrl",
      textInput("evidenceUrl", "Evidence link (optional)", draft, {
        style: "url",
        placeholder: "https://",
      }),
      [],
    ],
    [
      "proposeCompletion",
      {
        type: "Input.Toggle",
        id: "proposeCompletion",
        title: "Propose this action for completion sign-off (needs an evidence link)",
        valueOn: "true",
        valueOff: "false",
        value: completion ? "true" : "false",
        wrap: true,
      },
      [],
    ],
    [
      "ragJustification",
      textInput(
        "ragJustification",
        "If you choose Green while the date has passed, say why",
        draft,
        {
          isMultiline: true,
        },
      ),
      [],
    ],
  ];
  const withError = ([field, input, help]: [UpdateFormField, CardElement, CardElement[]]) => {
    const error = errors[field];
    return [input, ...(error ? [errorText(escapeCardText(error))] : []), ...help];
  };
  const [progress, rag, ...rest] = fields.map(withError);
  return [
    ...(progress ?? []),
    ...(rag ?? []),
    ...paperAnswers(draft, errors, withError),
    ...rest.flat(),
  ];
}

/** The id of the folded part of the form holding the two optional answers. */
export const PAPER_ANSWERS_ID = "paperAnswers";

const PAPER_QUESTIONS = {
  difference: "What difference has this made for children and families? (optional)",
  nextSteps: "What happens next? (optional)",
} as const;

/**
 * The board paper's two questions, folded behind one button so the form is no longer for a lead in
 * a hurry. They open by themselves when the draft already answers one or one needs fixing.
 */
function paperAnswers(
  draft: UpdateFormDraft,
  errors: UpdateFormErrors,
  withError: (field: [UpdateFormField, CardElement, CardElement[]]) => CardElement[],
): CardElement[] {
  const fields = ["difference", "nextSteps"] as const;
  const open = fields.some((f) => (draft[f] ?? "").trim() !== "" || errors[f]);
  const inputs = fields.flatMap((field) =>
    withError([
      field,
      textInput(field, PAPER_QUESTIONS[field], draft, {
        isMultiline: true,
        maxLength: PROGRESS_MAX_LENGTH,
      }),
      [],
    ]),
  );
  return [
    actionSet([toggleAction("Add difference made and next steps", [PAPER_ANSWERS_ID])]),
    container(inputs, { id: PAPER_ANSWERS_ID, isVisible: open, spacing: "none" }),
  ];
}

/** "Please fix 2 things: Progress, Evidence link." or nothing when the form has no errors. */
export function errorSummary(errors: UpdateFormErrors): CardElement[] {
  const named = UPDATE_FORM_FIELDS.filter((field) => errors[field]).map(
    (field) => UPDATE_FORM_FIELD_NAMES[field],
  );
  if (named.length === 0) return [];
  const things = named.length === 1 ? "1 thing" : `${named.length} things`;
  return [
    textBlock(`Please fix ${things} below: ${named.join(", ")}.`, {
      color: "attention",
      weight: "bolder",
    }),
  ];
}

import { cardMarkdownToHtml } from "./card-markdown.js";
import { byId, el } from "./dom.js";

const AC = globalThis.AdaptiveCards;

/** Close to Teams' light theme, so the gallery looks like the chat. */
const HOST_CONFIG = {
  fontFamily: "'Segoe UI', system-ui, sans-serif",
  supportsInteractivity: true,
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: "#E0E0E0" },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  actions: {
    maxActions: 6,
    spacing: "default",
    buttonSpacing: 8,
    actionsOrientation: "horizontal",
    actionAlignment: "left",
    showCard: { actionMode: "inline" },
  },
  containerStyles: {
    default: {
      backgroundColor: "#FFFFFF",
      foregroundColors: {
        default: { default: "#242424", subtle: "#616161" },
        accent: { default: "#5B5FC7", subtle: "#5B5FC7" },
        good: { default: "#237B4B", subtle: "#237B4B" },
        warning: { default: "#835C00", subtle: "#835C00" },
        attention: { default: "#C4314B", subtle: "#C4314B" },
        dark: { default: "#242424", subtle: "#616161" },
        light: { default: "#FFFFFF", subtle: "#F5F5F5" },
      },
    },
    emphasis: {
      backgroundColor: "#F5F5F5",
      foregroundColors: { default: { default: "#242424", subtle: "#616161" } },
    },
    good: { backgroundColor: "#E7F2DA" },
    attention: { backgroundColor: "#FCF4F6" },
    warning: { backgroundColor: "#FBF6D9" },
    accent: { backgroundColor: "#E8EBFA" },
  },
};

AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = cardMarkdownToHtml(text);
  result.didProcess = true;
};

function eventName(event) {
  return AC.ValidationEvent[event.event] ?? String(event.event);
}

/** Parses, validates and renders one card; returns the renderer's problems as sentences. */
function renderCard(json, target, sentBox) {
  const problems = [];
  const card = new AC.AdaptiveCard();
  card.hostConfig = new AC.HostConfig(HOST_CONFIG);
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`While reading: ${eventName(event)}: ${event.message}`);
  }
  for (const event of card.validateProperties().validationEvents) {
    problems.push(`While checking: ${eventName(event)}: ${event.message}`);
  }
  card.onExecuteAction = (action) => {
    const data =
      action instanceof AC.ExecuteAction
        ? { verb: action.verb, data: action.data }
        : { type: action.getJsonTypeName(), url: action.url };
    const inputs = action.parent?.getRootElement?.()?.getAllInputs?.() ?? [];
    const typed = Object.fromEntries(inputs.map((input) => [input.id, input.value]));
    sentBox.hidden = false;
    sentBox.textContent = `The bot would receive:\n${JSON.stringify({ ...data, inputs: typed }, null, 2)}`;
  };
  try {
    const rendered = card.render();
    if (!rendered) problems.push("The renderer drew nothing for this card.");
    else target.append(rendered);
  } catch (error) {
    problems.push(`While drawing: ${error.message}`);
  }
  return problems;
}

function slug(name, i) {
  return `card-${i + 1}-${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")}`;
}

async function start() {
  const status = byId("gallery-status");
  const response = await fetch("/playground/cards.json");
  if (!response.ok) {
    status.textContent = `The cards could not be loaded (the server answered ${response.status}).`;
    return;
  }
  const cards = await response.json();
  let withProblems = 0;
  cards.forEach(({ name, card }, i) => {
    const id = slug(name, i);
    byId("gallery-index").append(el("li", {}, el("a", { href: `#${id}` }, name)));
    const surface = el("div", { class: "card-surface" });
    const sent = el("pre", { class: "card-sent", hidden: true, "aria-live": "polite" });
    const section = el(
      "section",
      { class: "gallery-card", id, "aria-labelledby": `${id}-title` },
      el("h2", { id: `${id}-title` }, name),
      surface,
      sent,
    );
    byId("gallery").append(section);
    const problems = renderCard(card, surface, sent);
    section.dataset.problems = String(problems.length);
    if (problems.length > 0) {
      withProblems += 1;
      section.append(
        el(
          "ul",
          { class: "card-problems", role: "alert" },
          problems.map((p) => el("li", {}, p)),
        ),
      );
    } else section.append(el("p", { class: "card-ok" }, "Rendered with no problems."));
  });
  status.textContent =
    withProblems === 0
      ? `${cards.length} cards, all rendered with no problems.`
      : `${cards.length} cards; ${withProblems} with problems, listed under each.`;
  document.body.dataset.rendered = "true";
}

start();

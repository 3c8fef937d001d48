import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { StepPreview, StepResponse } from "../../ipc/types";
import { appError, DEV, fakeSecret, installFakeBackend, PROD, PROJECT_ID } from "../../test/fakeBackend";
import { renderApp } from "../../test/renderApp";
import { fakeStep, installFakeSteps, openStepsPage } from "./testing";

const RESTRICTED = "sk_live_restricted_value";
const MASKED = "masked-value-123";

function setup() {
  const backend = installFakeBackend({
    secrets: [
      fakeSecret("API_TOKEN", { visibility: "restricted", value: RESTRICTED }),
      fakeSecret("USER_KEY", { value: MASKED }),
    ],
  });
  const api = fakeStep("Fetch order", {
    kind: "api",
    method: "POST",
    url: "https://api.example.com/{TENANT}/orders",
    headers: [],
    query: [],
    body: { kind: "json", text: '{"a": 1}' },
  });
  const data = installFakeSteps(backend, { steps: [api], variables: [{ name: "TENANT", value: "acme" }] });
  return { backend, data, api };
}

describe("the Steps page", () => {
  it("creates an API step and a Function step with New Step", async () => {
    const { backend, data } = setup();
    data.steps = [];
    const { user } = await renderApp();
    await openStepsPage(user);
    expect(screen.getByText("No steps yet")).toBeInTheDocument();

    await user.click(screen.getAllByRole("button", { name: "New Step" })[0] as HTMLElement);
    const dialog = await screen.findByRole("dialog", { name: "New Step" });
    await user.type(within(dialog).getByLabelText("Name"), "Score lead");
    await user.click(within(dialog).getByLabelText("Function"));
    await user.click(within(dialog).getByRole("button", { name: "Create Step" }));

    expect(backend.callsTo("step_create")[0]?.args).toEqual({ projectId: PROJECT_ID, name: "Score lead", kind: "function" });
    const editor = await screen.findByTestId("step-editor");
    expect(within(editor).getByLabelText("Code")).toBeInTheDocument();
    expect(within(editor).queryByRole("button", { name: "Send" })).toBeNull();

    await user.click(screen.getByRole("button", { name: "New Step" }));
    const second = await screen.findByRole("dialog", { name: "New Step" });
    await user.type(within(second).getByLabelText("Name"), "score LEAD");
    await user.click(within(second).getByRole("button", { name: "Create Step" }));
    expect(await within(second).findByText('a step named "score LEAD" already exists in this project')).toBeInTheDocument();
  });

  it("inserts a secret picked from the Secrets tab into a header value, and saves references only", async () => {
    const { backend, api } = setup();
    const { user } = await renderApp();
    await openStepsPage(user);
    const editor = screen.getByTestId("step-editor");
    for (const label of ["Name", "Method", "URL", "Body"]) {
      expect(within(editor).getByLabelText(label)).toBeInTheDocument();
    }
    expect(within(editor).getByRole("region", { name: "Headers" })).toBeInTheDocument();
    expect(within(editor).getByRole("region", { name: "Query" })).toBeInTheDocument();

    await user.click(within(editor).getByRole("button", { name: "Add header" }));
    await user.type(within(editor).getByLabelText("Header 1 name"), "Authorization");
    const value = within(editor).getByLabelText("Header 1 value");
    await user.type(value, "Bearer {{");
    const picker = screen.getByTestId("reference-picker");
    await user.click(within(picker).getByRole("tab", { name: "Secrets" }));
    await user.click(within(picker).getByRole("option", { name: /API_TOKEN/ }));
    expect(value).toHaveValue("Bearer {API_TOKEN}");

    await user.click(within(editor).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(backend.callsTo("step_update")).toHaveLength(1));
    expect(backend.callsTo("step_update")[0]?.args).toEqual({
      projectId: PROJECT_ID,
      stepId: api.id,
      definition: {
        ...api.definition,
        headers: [{ name: "Authorization", value: "Bearer {API_TOKEN}" }],
      },
    });
    expect(JSON.stringify(backend.calls)).not.toContain(RESTRICTED);
  });

  it("creates a secret from the picker and inserts its reference", async () => {
    const { backend } = setup();
    const { user } = await renderApp();
    await openStepsPage(user);
    const url = screen.getByLabelText("URL");
    await user.type(url, "?key={{");
    await user.click(within(screen.getByTestId("reference-picker")).getByRole("option", { name: "Create Secret" }));

    const dialog = await screen.findByRole("dialog", { name: "New Secret" });
    await user.type(within(dialog).getByLabelText("Name"), "ORDERS_KEY");
    await user.type(within(dialog).getByLabelText("Value"), "k-123");
    await user.click(within(dialog).getByRole("button", { name: "Create Secret" }));

    await waitFor(() => expect(url).toHaveValue("https://api.example.com/{TENANT}/orders?key={ORDERS_KEY}"));
    expect(backend.callsTo("secret_create")).toHaveLength(1);
    // Once the list is refreshed, the new name is known: no "unknown" mark.
    await waitFor(() => expect(document.querySelector('mark[data-reference="ORDERS_KEY"]')).toHaveClass("is-secret"));
  });

  it("previews for the chosen environment: secrets as dots, Masked revealable, Restricted never, errors listed", async () => {
    const { backend, api } = setup();
    const [token, user_key] = backend.secrets;
    const preview = (environment: "Development" | "Production"): StepPreview => ({
      environment: { id: environment === "Production" ? PROD : DEV, name: environment, kind: environment === "Production" ? "production" : "development" },
      definition: {
        kind: "api",
        method: "POST",
        url: [
          { type: "text", text: "https://api.example.com/" },
          { type: "variable", name: "TENANT", value: "acme" },
        ],
        headers: [
          {
            name: [{ type: "text", text: "Authorization" }],
            value: [
              { type: "text", text: "Bearer " },
              { type: "secret", name: "API_TOKEN", visibility: "restricted", secretId: token?.id ?? "" },
            ],
          },
          {
            name: [{ type: "text", text: "X-User" }],
            value: [{ type: "secret", name: "USER_KEY", visibility: "masked", secretId: user_key?.id ?? "" }],
          },
        ],
        query: [],
        bodyKind: "json",
        body: [{ type: "text", text: '{"q": "' }, { type: "unknown", name: "NOPE" }, { type: "text", text: '"}' }],
      },
      errors: [
        {
          field: "Body",
          code: "unknown_name",
          name: "NOPE",
          message: "Body: {NOPE} at line 1, column 8 (byte 7): this project has no secret or variable named NOPE",
        },
      ],
    });
    backend.override("step_preview", ({ environmentId }) => preview(environmentId === PROD ? "Production" : "Development"));
    const { user } = await renderApp();
    await openStepsPage(user);

    await user.selectOptions(screen.getByTestId("environment-select"), "Production");
    await user.click(screen.getByRole("button", { name: "Preview" }));
    const panel = await screen.findByTestId("step-preview");
    expect(backend.callsTo("step_preview").at(-1)?.args).toEqual({ projectId: PROJECT_ID, stepId: api.id, environmentId: PROD });
    expect(within(panel).getByRole("heading", { name: "Preview in Production" })).toBeInTheDocument();
    expect(within(panel).getByText("acme")).toBeInTheDocument();
    expect(within(panel).getByRole("alert")).toHaveTextContent("1 problem in Production");
    expect(within(panel).getByRole("alert")).toHaveTextContent("Body: {NOPE} at line 1, column 8");

    // Restricted: dots and a lock, nothing to click.
    const restricted = panel.querySelector<HTMLElement>('[data-testid="preview-secret"][data-name="API_TOKEN"]');
    expect(restricted?.tagName).toBe("SPAN");
    expect(restricted).toHaveTextContent("••••••");
    // Masked: revealed on request, for Production.
    await user.click(within(panel).getByRole("button", { name: "Reveal USER_KEY" }));
    expect(await within(panel).findByText(MASKED)).toBeInTheDocument();
    expect(backend.callsTo("secret_reveal").map((call) => call.args)).toEqual([
      { projectId: PROJECT_ID, secretId: user_key?.id, environmentId: PROD },
    ]);
    expect(document.body.textContent).not.toContain(RESTRICTED);

    // The preview follows the environment selector.
    await user.selectOptions(screen.getByTestId("environment-select"), "Development");
    expect(await within(screen.getByTestId("step-preview")).findByRole("heading", { name: "Preview in Development" })).toBeInTheDocument();
  });

  it("sends an API step and shows status, headers and the redacted body as the back end returns them", async () => {
    const { backend, api } = setup();
    const response: StepResponse = {
      status: 200,
      statusText: "OK",
      headers: [
        { name: "content-type", value: "application/json" },
        { name: "x-echo", value: "Bearer ••••••" },
      ],
      body: '{"authorization":"Bearer ••••••","glued":"xx••••••yy"}',
      bodyTruncated: false,
      elapsedMs: 42,
    };
    backend.override("step_send", () => response);
    const { user } = await renderApp();
    await openStepsPage(user);
    await user.selectOptions(screen.getByTestId("environment-select"), "Production");
    await user.click(screen.getByRole("button", { name: "Send" }));

    const panel = await screen.findByTestId("step-response");
    expect(backend.callsTo("step_send")[0]?.args).toEqual({ projectId: PROJECT_ID, stepId: api.id, environmentId: PROD });
    expect(within(panel).getByTestId("response-status")).toHaveTextContent("200 OK");
    expect(within(panel).getByTestId("response-headers")).toHaveTextContent("x-echoBearer ••••••");
    expect(within(panel).getByTestId("response-body").textContent).toBe(
      JSON.stringify({ authorization: "Bearer ••••••", glued: "xx••••••yy" }, null, 2),
    );
  });

  it("shows why a send was refused", async () => {
    const { backend } = setup();
    backend.override("step_send", () => {
      throw appError("invalid", "1 reference does not resolve in Production:\n- URL: {TENANT2} …");
    });
    const { user } = await renderApp();
    await openStepsPage(user);
    await user.click(screen.getByRole("button", { name: "Send" }));
    expect(await screen.findByTestId("step-failed")).toHaveTextContent("1 reference does not resolve in Production");
  });

  it("renames and deletes a step", async () => {
    const { backend, api } = setup();
    const { user } = await renderApp();
    await openStepsPage(user);
    const name = screen.getByLabelText("Name");
    await user.clear(name);
    await user.type(name, "Fetch orders");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() =>
      expect(backend.callsTo("step_rename")[0]?.args).toEqual({ projectId: PROJECT_ID, stepId: api.id, name: "Fetch orders" }),
    );
    expect(await screen.findByRole("button", { name: /Fetch orders/ })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Delete step" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete step Fetch orders?" });
    await user.click(within(dialog).getByRole("button", { name: "Delete" }));
    expect(await screen.findByText("No steps yet")).toBeInTheDocument();
  });
});

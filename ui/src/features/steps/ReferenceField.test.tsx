import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import type { SecretRow, Variable } from "../../ipc/types";
import { fakeSecret } from "../../test/fakeBackend";
import { ReferenceCatalogContext } from "./referenceCatalog";
import { ReferenceField } from "./ReferenceField";

const secrets: SecretRow[] = [
  fakeSecret("API_TOKEN", { visibility: "restricted" }),
  fakeSecret("DB_PASSWORD"),
  fakeSecret("OPENAI_API_KEY"),
];
const variables: Variable[] = [{ name: "BASE_URL", value: "https://api.example.com" }];

function Harness({
  initial = "",
  multiline = false,
  createSecret = vi.fn(),
  onValue,
}: {
  initial?: string;
  multiline?: boolean;
  createSecret?: (onCreated: (name: string) => void) => void;
  onValue?: (value: string) => void;
}) {
  const [value, setValue] = useState(initial);
  return (
    <ReferenceCatalogContext.Provider value={{ variables, secrets, createSecret }}>
      <ReferenceField
        ariaLabel="Header 1 value"
        multiline={multiline}
        value={value}
        onChange={(next) => {
          setValue(next);
          onValue?.(next);
        }}
      />
    </ReferenceCatalogContext.Provider>
  );
}

function field() {
  return screen.getByLabelText<HTMLInputElement>("Header 1 value");
}

function picker() {
  return screen.getByTestId("reference-picker");
}

function options() {
  return within(picker())
    .getAllByRole("option")
    .map((option) => option.dataset.name ?? option.textContent);
}

describe("the { picker", () => {
  it("opens at a typed {, with the Variables and Secrets tabs, and inserts the chosen secret", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(field(), "Bearer {{");
    expect(within(picker()).getAllByRole("tab").map((tab) => tab.textContent)).toEqual(["Variables", "Secrets"]);
    expect(within(picker()).getByRole("tab", { name: "Variables" })).toHaveAttribute("aria-selected", "true");
    expect(options()).toEqual(["BASE_URL", "Create Secret"]);

    await user.click(within(picker()).getByRole("tab", { name: "Secrets" }));
    expect(options()).toEqual(["API_TOKEN", "DB_PASSWORD", "OPENAI_API_KEY", "Create Secret"]);
    expect(field()).toHaveFocus();
    await user.click(within(picker()).getByRole("option", { name: /DB_PASSWORD/ }));

    expect(field()).toHaveValue("Bearer {DB_PASSWORD}");
    expect(screen.queryByTestId("reference-picker")).toBeNull();
    expect(field().selectionStart).toBe("Bearer {DB_PASSWORD}".length);
  });

  it("filters as one types and is driven by the arrow keys and Enter", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(field(), "{{api");
    // No variable matches "api": the Secrets tab shows, names starting with it first.
    expect(within(picker()).getByRole("tab", { name: "Secrets" })).toHaveAttribute("aria-selected", "true");
    expect(options()).toEqual(["API_TOKEN", "OPENAI_API_KEY", "Create Secret"]);
    expect(field()).toHaveAttribute("aria-activedescendant", within(picker()).getAllByRole("option")[0]?.id);

    await user.keyboard("{ArrowDown}");
    expect(within(picker()).getByRole("option", { name: /OPENAI_API_KEY/ })).toHaveAttribute("aria-selected", "true");
    await user.keyboard("{Enter}");
    expect(field()).toHaveValue("{OPENAI_API_KEY}");
  });

  it("switches tabs with ←/→ and wraps ↑ to Create Secret", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(field(), "{{");
    await user.keyboard("{ArrowRight}");
    expect(within(picker()).getByRole("tab", { name: "Secrets" })).toHaveAttribute("aria-selected", "true");
    await user.keyboard("{ArrowUp}");
    expect(within(picker()).getByRole("option", { name: "Create Secret" })).toHaveAttribute("aria-selected", "true");
  });

  it("closes on Escape and leaves the { as typed", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(field(), "x {{");
    expect(picker()).toBeInTheDocument();
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("reference-picker")).toBeNull();
    expect(field()).toHaveValue("x {");
  });

  it("does not open after a backslash and closes when the text stops being a name (JSON)", async () => {
    const user = userEvent.setup();
    render(<Harness multiline />);
    const textarea = screen.getByLabelText("Header 1 value");
    await user.type(textarea, "\\{{");
    expect(screen.queryByTestId("reference-picker")).toBeNull();
    await user.clear(textarea);
    await user.type(textarea, '{{"');
    expect(screen.queryByTestId("reference-picker")).toBeNull();
    expect(textarea).toHaveValue('{"');
  });

  it("ends with Create Secret, which inserts the new secret's reference once it is saved", async () => {
    const user = userEvent.setup();
    let finish: ((name: string) => void) | undefined;
    const createSecret = vi.fn((onCreated: (name: string) => void) => {
      finish = onCreated;
    });
    render(<Harness initial="token=" createSecret={createSecret} />);
    await user.click(field());
    await user.keyboard("{End}{{NEW");
    await user.click(within(picker()).getByRole("option", { name: "Create Secret" }));
    expect(createSecret).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId("reference-picker")).toBeNull();
    finish?.("NEW_SECRET");
    expect(await screen.findByDisplayValue("token={NEW_SECRET}")).toBeInTheDocument();
  });
});

describe("reference highlighting", () => {
  it("marks secrets, variables and unknown names, and explains an unknown one", () => {
    render(<Harness initial="{BASE_URL}/x?k={API_TOKEN}&u={NOPE} \{DB_PASSWORD}" />);
    const marks = Array.from(document.querySelectorAll<HTMLElement>("mark.ref-mark"));
    expect(marks.map((mark) => [mark.dataset.reference, mark.className])).toEqual([
      ["BASE_URL", "ref-mark is-variable"],
      ["API_TOKEN", "ref-mark is-secret"],
      ["NOPE", "ref-mark is-unknown"],
    ]);
    const explanation = "Unknown reference: {NOPE} — this project has no secret or variable with this name";
    expect(field()).toHaveAttribute("title", explanation);
    expect(field()).toHaveAccessibleDescription(explanation);
    expect(field()).toHaveAttribute("aria-invalid", "true");
  });

  it("leaves JSON braces alone", () => {
    render(<Harness multiline initial={'{"a": {"b": 1}, "t": "{API_TOKEN}"}'} />);
    expect(document.querySelectorAll("mark.ref-mark")).toHaveLength(1);
    expect(screen.queryByText(/Unknown reference/)).toBeNull();
  });
});

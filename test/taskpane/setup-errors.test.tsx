/** @jest-environment jsdom */
/**
 * test/taskpane/setup.ts leaves the document's printout out of the errors of queries retried by
 * `waitFor`: a failing query still says what it always said, with the document when the wait
 * gives up and at once outside a wait.
 */
import "./setup";
import { render, screen, waitFor } from "@testing-library/react";

const page = () => render(<main><p>Analyse klaar.</p></main>);

test("a findBy query that times out names the text and prints the document", async () => {
  page();
  const error = (await screen.findByText("Wat als?", undefined, { timeout: 120 }).catch((e: unknown) => e)) as Error;
  expect(error.name).toBe("TestingLibraryElementError");
  expect(error.message).toContain("Unable to find an element with the text: Wat als?");
  expect(error.message).toContain("<p>");
  expect(error.message).toContain("Analyse klaar.");
});

test("waitFor with a failing getBy query prints the document when it gives up", async () => {
  page();
  const error = (await waitFor(() => screen.getByRole("heading", { name: "Wat als?" }), { timeout: 120 }).catch((e: unknown) => e)) as Error;
  // (Testing Library's shorter message inside a wait.)
  expect(error.message).toContain('Unable to find role="heading" and name "Wat als?"');
  expect(error.message).toContain("Analyse klaar.");
});

test("outside a wait the document is printed at once", () => {
  page();
  expect(() => screen.getByText("Wat als?")).toThrow(/Analyse klaar\./);
});

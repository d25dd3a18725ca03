import { createClient as createSseClient } from "graphql-sse";
import i18next from "i18next";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router/dom";
import { Client, cacheExchange, fetchExchange, Provider, subscriptionExchange } from "urql";
import { SessionProvider } from "./auth/session.js";
import { initI18n } from "./i18n/index.js";
import { createRouter } from "./router.js";
import "./styles.css";

// Subscriptions (the joint overview's live updates) go over server-sent events in the "distinct
// connections" mode of the GraphQL over SSE spec, which is what graphql-yoga in the gateway
// speaks. graphql-sse is its reference client: it sends the CSRF header (EventSource cannot)
// and reconnects after a dropped connection.
const sse = createSseClient({
  url: () => new URL("/graphql", window.location.href).toString(),
  credentials: "same-origin",
  headers: () => ({ "x-samspill-csrf": "1" }),
});

const client = new Client({
  url: "/graphql",
  exchanges: [
    cacheExchange,
    fetchExchange,
    subscriptionExchange({
      forwardSubscription: (request) => ({
        subscribe: (sink) => ({
          unsubscribe: sse.subscribe({ ...request, query: request.query ?? "" }, sink),
        }),
      }),
    }),
  ],
  fetchOptions: () => ({
    credentials: "same-origin",
    headers: {
      // The gateway refuses cookie-carrying requests without this header (CSRF guard).
      "x-samspill-csrf": "1",
      // Messages the gateway writes itself (e.g. overview gaps) follow the chosen language.
      "accept-language": i18next.language === "nb" ? "nb" : `${i18next.language}, nb;q=0.5`,
    },
  }),
});

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

await initI18n();
createRoot(root).render(
  <StrictMode>
    <Provider value={client}>
      <SessionProvider>
        <RouterProvider router={createRouter()} />
      </SessionProvider>
    </Provider>
  </StrictMode>,
);

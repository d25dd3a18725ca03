import { serve } from "@hono/node-server";
import { createSchema, createYoga } from "graphql-yoga";
import { Hono } from "hono";

// The ceiling: hono on @hono/node-server handing POST /graphql to graphql-yoga with a one-field
// schema. No database, no middleware: the most the gateway's stack can answer per second here.

const yoga = createYoga({
  schema: createSchema({
    typeDefs: "type Query { hello: String! }",
    resolvers: { Query: { hello: () => "hei" } },
  }),
  graphqlEndpoint: "/graphql",
  landingPage: false,
  graphiql: false,
  logging: false,
});
const app = new Hono();
app.on(["GET", "POST"], "/graphql", (c) => yoga.fetch(c.req.raw));
const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: Number(process.env.PORT) });
process.on("SIGTERM", () => server.close(() => process.exit(0)));

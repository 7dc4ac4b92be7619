/** The import rules of the hexagon: the domain core knows no AWS, Lambda, middy, HTTP or adapters. */
module.exports = {
  forbidden: [
    {
      name: "domain-core-is-pure",
      comment: "domain/ (outside its store adapter) imports no AWS SDK, Lambda types or middy",
      severity: "error",
      from: { path: "^domain/", pathNot: "^domain/store/" },
      to: {
        path: "(^|/)node_modules/(@aws-sdk|@smithy|aws-lambda|@types/aws-lambda|@middy|@aws-lambda-powertools)/",
      },
    },
    {
      name: "domain-core-uses-ports-not-adapters",
      comment: "use cases get the store through ports; only functions/ and infra/ pick the adapter",
      severity: "error",
      from: { path: "^domain/", pathNot: "^domain/store/" },
      to: { path: "^domain/store/" },
    },
    {
      name: "domain-knows-no-edge",
      severity: "error",
      from: { path: "^domain/" },
      to: { path: "^(functions|infra)/" },
    },
    {
      name: "functions-know-no-infra",
      comment: "handlers run on Lambda: they import nothing from the CDK app or the local runtime",
      severity: "error",
      from: { path: "^functions/" },
      to: { path: "^infra/" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
  },
};

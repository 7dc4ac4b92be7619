import { Duration, Stack } from "aws-cdk-lib";
import * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import * as origins from "aws-cdk-lib/aws-cloudfront-origins";
import * as s3 from "aws-cdk-lib/aws-s3";
import * as s3deploy from "aws-cdk-lib/aws-s3-deployment";
import { NagSuppressions } from "cdk-nag";
import { Construct } from "constructs";

/** What the page reads from `config.json` when deployed (docs/dashboard.md). */
export interface DashboardConfig {
  /** The HTTP API's URL. */
  apiBaseUrl: string;
  /** The Cognito hosted UI (`https://<prefix>.auth.<region>.amazoncognito.com`) and the app client. */
  cognito: { domain: string; clientId: string };
}

export interface DashboardHostingProps {
  /** Origins the dashboard's scripts may call besides its own (the API, the Cognito domain). */
  connectSources: string[];
}

/**
 * The customer dashboard's hosting: a private, encrypted S3 bucket that only CloudFront reads (origin
 * access control), HTTPS only, security headers with a content security policy, and access logs of
 * both the bucket and the distribution in a log bucket.
 */
export class DashboardHosting extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** `https://<distribution domain>`: the dashboard's origin (CORS, Cognito callback). */
  readonly origin: string;

  constructor(scope: Construct, id: string, props: DashboardHostingProps) {
    super(scope, id);
    const logBucket = new s3.Bucket(this, "LogBucket", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are delivered with an ACL grant, so ACLs stay enabled on this bucket.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
    });
    NagSuppressions.addResourceSuppressions(logBucket, [
      {
        id: "AwsSolutions-S1",
        reason: "This is the access log bucket; logging its own accesses into itself would loop.",
      },
    ]);

    this.bucket = new s3.Bucket(this, "Bucket", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logBucket,
      serverAccessLogsPrefix: "s3/",
    });

    // The same policy the local server sends with the dashboard (infra/local), plus the API and the
    // sign-in origins: the page loads and calls nothing else, and has no inline script or style.
    const contentSecurityPolicy = [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      `connect-src ${["'self'", ...props.connectSources].join(" ")}`,
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; ");
    const headers = new cloudfront.ResponseHeadersPolicy(this, "SecurityHeaders", {
      comment: "KoAd dashboard: HSTS, CSP, no framing, no sniffing, no referrer",
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: "Cross-Origin-Opener-Policy", value: "same-origin", override: true },
          {
            header: "Permissions-Policy",
            value: "camera=(), microphone=(), geolocation=()",
            override: true,
          },
        ],
      },
    });

    this.distribution = new cloudfront.Distribution(this, "Distribution", {
      comment: "KoAd customer dashboard",
      defaultRootObject: "index.html",
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headers,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      },
      // The dashboard routes in the browser: unknown paths get the app, which shows its own "not found".
      errorResponses: [
        {
          httpStatus: 403,
          responseHttpStatus: 200,
          responsePagePath: "/index.html",
          ttl: Duration.minutes(5),
        },
      ],
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket,
      logFilePrefix: "cloudfront/",
    });
    this.origin = `https://${this.distribution.distributionDomainName}`;

    NagSuppressions.addResourceSuppressions(this.distribution, [
      {
        id: "AwsSolutions-CFR1",
        reason: "Customers and technicians work from anywhere; there is no country to exclude.",
      },
      {
        id: "AwsSolutions-CFR2",
        reason:
          "The distribution serves static files only (no origin logic to exploit) and the API it calls has " +
          "its own throttling and JWT authorization; a web ACL would add at least $5/month for no gain.",
      },
      {
        id: "AwsSolutions-CFR4",
        reason:
          "Without a custom domain the distribution uses CloudFront's default *.cloudfront.net certificate, " +
          "whose viewer TLS policy CloudFront fixes. With a custom domain and certificate, set " +
          "minimumProtocolVersion TLSv1.2_2021 (docs/deploy.md).",
      },
    ]);
  }

  /**
   * Uploads the dashboard and the `config.json` the page reads (API URL, sign-in), which replaces the
   * folder's local one, then invalidates CloudFront's cache.
   */
  deploy(dashboardDir: string, config: DashboardConfig): s3deploy.BucketDeployment {
    const deployment = new s3deploy.BucketDeployment(this, "Deployment", {
      sources: [
        s3deploy.Source.asset(dashboardDir, { exclude: ["config.json"] }),
        s3deploy.Source.jsonData("config.json", config),
      ],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ["/*"],
      prune: true,
    });
    // BucketDeployment's handler is a CDK singleton at the stack's root, outside this construct.
    for (const child of Stack.of(this).node.children) {
      if (child.node.id.startsWith("Custom::CDKBucketDeployment")) {
        NagSuppressions.addResourceSuppressions(
          child,
          [
            {
              id: "AwsSolutions-IAM4",
              reason:
                "CDK's BucketDeployment handler uses AWSLambdaBasicExecutionRole for its own logs; it runs only " +
                "during deployments.",
              appliesTo: [
                "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
              ],
            },
            {
              id: "AwsSolutions-IAM5",
              reason:
                "CDK's BucketDeployment handler copies the asset into the dashboard bucket: s3:GetObject*/List*/" +
                "DeleteObject* on the asset and dashboard buckets' objects, and cloudfront:CreateInvalidation " +
                "(no resource-level scoping in CDK's grant). It runs only during deployments.",
            },
            {
              id: "AwsSolutions-L1",
              reason: "The runtime of CDK's BucketDeployment handler is chosen by the CDK library.",
            },
          ],
          true,
        );
      }
    }
    return deployment;
  }
}

/**
 * The ready-to-copy text of the CLI access page: `aws configure`'s answers, the environment
 * variables the CLI and SDKs read, and example commands against the lab's endpoint.
 */
import { shellQuote } from '../../../shared/cli-command';
import type { QuickStartImage } from '../../../shared/lab-operations';

export interface SnippetValues {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

/** An id as AWS's own documentation writes example ids, for when the Region has no instance to wait for. */
export const EXAMPLE_INSTANCE_ID = 'i-1234567890abcdef0';

/** What the secret shows as while it is hidden. */
export function maskSecret(secret: string): string {
  return '•'.repeat(Math.max(8, Math.min(secret.length, 40)));
}

/** `text` with every appearance of the secret (shell-quoted or not) masked. */
export function hideSecret(text: string, secret: string): string {
  if (!secret) return text;
  const mask = maskSecret(secret);
  return text.split(shellQuote(secret)).join(mask).split(secret).join(mask);
}

/** `aws configure` asks four questions (AWS CLI User Guide: cli-configure-quickstart). */
const CONFIGURE_PROMPTS = [
  'AWS Access Key ID [None]: ',
  'AWS Secret Access Key [None]: ',
  'Default region name [None]: ',
  'Default output format [None]: ',
];

export function configureAnswers(values: SnippetValues): string[] {
  return [values.accessKeyId, values.secretAccessKey, values.region, 'json'];
}

/** The session as the terminal shows it: the command, then each prompt with its answer. */
export function configureTranscript(values: SnippetValues): string {
  const answers = configureAnswers(values);
  return ['$ aws configure', ...CONFIGURE_PROMPTS.map((prompt, index) => prompt + answers[index])].join('\n');
}

/** The variables the AWS CLI and SDKs read (AWS CLI User Guide: cli-configure-envvars). */
export function environmentExport(values: SnippetValues): string {
  return [
    'export',
    `AWS_ACCESS_KEY_ID=${shellQuote(values.accessKeyId)}`,
    `AWS_SECRET_ACCESS_KEY=${shellQuote(values.secretAccessKey)}`,
    `AWS_DEFAULT_REGION=${shellQuote(values.region)}`,
  ].join(' ');
}

export interface ExampleCommand {
  name: 'describe' | 'run' | 'wait';
  command: string;
}

export function exampleCommands(endpoint: string, imageId: string, instanceId: string): ExampleCommand[] {
  const aws = `aws --endpoint-url ${shellQuote(endpoint)} ec2`;
  return [
    { name: 'describe', command: `${aws} describe-instances` },
    {
      name: 'run',
      command: `${aws} run-instances --image-id ${shellQuote(imageId)} --instance-type t3.micro --count 1`,
    },
    { name: 'wait', command: `${aws} wait instance-running --instance-ids ${shellQuote(instanceId)}` },
  ];
}

/** The Region's Amazon Linux 2023 AMI for x86_64 (t3.micro runs x86_64 only). */
export function amazonLinux2023(images: readonly QuickStartImage[]): QuickStartImage | undefined {
  const candidates = images.filter((image) => image.Os === 'amazon-linux' && image.Architecture === 'x86_64');
  return candidates.find((image) => image.Title.includes('2023')) ?? candidates[0];
}

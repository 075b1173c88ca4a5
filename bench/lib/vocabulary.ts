/**
 * Word lists for generated talks: real tech vocabulary at realistic ranks, real-looking names,
 * synthetic filler words for the long tail. Lists are built on demand (nothing at import time
 * beyond constant strings).
 */
import { createRandom } from './random.ts';

const COMMON =
  'the of and to a in is that it for on with as this are be was by at from not or have an but they we you can one all more when which their there what about so if has will also how out up into some them than then its our time other only new like just these very could make first over any most way need because each where well does many those same good while after both here much through';

const TECH =
  'kubernetes docker container cluster node pod service mesh istio envoy proxy latency throughput cache redis kafka stream event queue topic partition consumer producer schema registry database postgres mysql index query shard replica consensus raft paxos crdt actor akka erlang elixir scala java kotlin jvm garbage collector heap memory thread lock mutex async await promise future reactive observable rust ownership borrow compiler llvm wasm webassembly javascript typescript react vue angular svelte component state hooks browser dom css html http grpc rest graphql api gateway tls certificate oauth token identity security vulnerability fuzzing testing mutation property unit integration contract deployment pipeline continuous delivery terraform ansible serverless lambda function cloud aws azure gcp region zone failover resilience chaos monitoring metrics tracing logging observability prometheus grafana opentelemetry alert incident postmortem sre devops team culture agile scrum product design accessibility mobile android swift ios flutter machine learning model training inference gpu tensor pytorch embedding vector search ranking recommendation feature flag experiment python django flask ruby rails php laravel golang goroutine channel scheduler linux kernel ebpf network socket packet router load balancer dns cdn edge storage object block filesystem backup encryption compliance privacy gdpr architecture microservices monolith domain driven refactoring legacy migration performance profiling benchmark optimization algorithm data structure functional immutable types haskell clojure lisp macro parser grammar interpreter virtual machine bytecode jit runtime concurrency parallelism distributed systems clock ordering idempotency retry backpressure batch spark hadoop flink warehouse lake etl analytics dashboard visualization frontend backend fullstack nodejs deno bun npm package dependency version semver monorepo build bazel gradle maven git review pairing mentoring hiring career leadership community open source license maintainer';

const FIRST =
  'Alice Bruno Chloe David Emma Farid Gaelle Hugo Ines Julien Karim Laura Marc Nadia Olivier Paula Quentin Rachel Samir Tara Ugo Vera William Xavier Yasmin Zoe Aaron Beatriz Carlos Dana Elena Felix Grace Henrik Ivana Jonas Keiko Liam Maria Niko Oscar Priya Raj Sofia Tomas Uma Viktor Wei Yuki Zara Adam Bianca Cyril Diane Eric Fatima Georg Hana Igor Jana Kofi Lea Mateo Nora Omar Pierre Rosa Sven Talia Ulrich Valentina Wim Yann Zeynep Andrea Benoit Camille Dmitri Eva';

const LAST =
  'Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel Garcia Fournier Lambert Fontaine Rousseau Vincent Muller Schmidt Schneider Fischer Weber Meyer Wagner Becker Hoffmann Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore Jackson White Harris Clark Lewis Walker Young King Wright Lopez Hill Scott Green Adams Baker Nelson Carter Mitchell Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Tanaka Suzuki Sato Kim Lee Park Chen Wang Zhang Liu Singh Kumar Patel Nguyen Silva Santos Costa Oliveira Kowalski Novak Horvat Jensen Nielsen Larsen Berg Lindqvist';

const TOPICS =
  'Kubernetes|Docker|Istio|Envoy|Service Mesh|Linkerd|Helm|Kafka|Kafka Streams|RabbitMQ|Pulsar|NATS|Redis|Memcached|PostgreSQL|MySQL|MariaDB|SQLite|MongoDB|Cassandra|ScyllaDB|CockroachDB|TiDB|Elasticsearch|OpenSearch|Solr|Lucene|ClickHouse|Druid|Pinot|Snowflake|BigQuery|Redshift|DuckDB|Spark|Flink|Beam|Hadoop|Hive|Presto|Trino|Airflow|dbt|Dagster|Iceberg|Delta Lake|Parquet|Arrow|Avro|Protobuf|gRPC|GraphQL|REST|OpenAPI|WebSockets|HTTP/2|HTTP/3|QUIC|TLS|OAuth|OpenID Connect|JWT|WebAuthn|Zero Trust|Vault|Consul|Nomad|Terraform|Pulumi|Ansible|Chef|Puppet|SaltStack|CloudFormation|AWS|AWS Lambda|Azure|Google Cloud|Cloudflare Workers|Fly.io|Heroku|OpenShift|Knative|Serverless|FaaS|WebAssembly|WASI|eBPF|Cilium|Falco|Linux Kernel|systemd|cgroups|Containerd|Podman|Firecracker|gVisor|Unikernels|Nix|Bazel|Gradle|Maven|npm|pnpm|Yarn|Vite|Webpack|esbuild|Rollup|Babel|TypeScript|JavaScript|Node.js|Deno|Bun|React|React Native|Next.js|Vue.js|Nuxt|Angular|Svelte|SolidJS|Qwik|Astro|Remix|Web Components|CSS|Tailwind CSS|Sass|Accessibility|Web Performance|Core Web Vitals|Progressive Web Apps|Service Workers|IndexedDB|WebGL|WebGPU|Three.js|D3.js|Canvas|SVG|Java|Kotlin|Scala|Groovy|Clojure|JVM|GraalVM|Quarkus|Micronaut|Spring Boot|Spring|Jakarta EE|Hibernate|Vert.x|Akka|Project Loom|Virtual Threads|Garbage Collection|JIT Compilation|Go|Rust|Tokio|C++|C|Zig|Swift|SwiftUI|Objective-C|Android|Jetpack Compose|Flutter|Dart|iOS|Xamarin|.NET|C#|F#|Blazor|PowerShell|Python|Django|Flask|FastAPI|Pandas|NumPy|Jupyter|Ruby|Ruby on Rails|PHP|Laravel|Symfony|Perl|Elixir|Phoenix|Erlang|OTP|Haskell|OCaml|Elm|PureScript|Lisp|Racket|Prolog|Julia|R|MATLAB|Machine Learning|Deep Learning|PyTorch|TensorFlow|JAX|Keras|scikit-learn|LLMs|Transformers|RAG|Vector Databases|Embeddings|Prompt Engineering|MLOps|Feature Stores|Recommendation Systems|Computer Vision|NLP|Speech Recognition|Reinforcement Learning|Data Engineering|Data Mesh|Data Governance|Stream Processing|Event Sourcing|CQRS|Domain-Driven Design|Microservices|Monoliths|Modular Monoliths|Hexagonal Architecture|Clean Architecture|API Design|API Gateways|Event-Driven Architecture|Sagas|Distributed Systems|Consensus|Raft|Paxos|CRDTs|Eventual Consistency|Distributed Tracing|OpenTelemetry|Prometheus|Grafana|Jaeger|Zipkin|Loki|Observability|Logging|Metrics|SRE|SLOs|Incident Management|Postmortems|Chaos Engineering|Resilience|Load Testing|Performance Tuning|Profiling|Caching|CDN|DNS|BGP|IPv6|Networking|Load Balancing|Rate Limiting|Circuit Breakers|Feature Flags|A/B Testing|Continuous Integration|Continuous Delivery|GitOps|Argo CD|Flux|Jenkins|GitHub Actions|GitLab CI|Tekton|Spinnaker|DevOps|Platform Engineering|Backstage|Internal Developer Platforms|FinOps|Green Software|Security|AppSec|Supply Chain Security|SBOM|Sigstore|Threat Modeling|Penetration Testing|Fuzzing|Cryptography|Post-Quantum Cryptography|Privacy|GDPR|Identity|Secrets Management|Testing|TDD|BDD|Property-Based Testing|Mutation Testing|Contract Testing|Testcontainers|Selenium|Playwright|Cypress|Code Review|Pair Programming|Mob Programming|Refactoring|Legacy Code|Technical Debt|Software Craftsmanship|Agile|Scrum|Kanban|Lean|Team Topologies|Engineering Management|Leadership|Hiring|Mentoring|Career Growth|Diversity and Inclusion|Remote Work|Developer Experience|Documentation|Open Source|Licensing|Community|Blockchain|Smart Contracts|IoT|Embedded Systems|Robotics|Game Development|Unity|Unreal Engine|Audio Programming|Live Coding|Functional Programming|Reactive Programming|Type Systems|Compilers|Interpreters|Parsers|Virtual Machines|Concurrency|Actors|Async I/O|Memory Management|Quantum Computing';

const CITIES =
  'Paris|London|Berlin|Amsterdam|Barcelona|Lyon|Nantes|Toulouse|Lille|Brussels|Antwerp|Munich|Hamburg|Zurich|Geneva|Vienna|Prague|Krakow|Warsaw|Stockholm|Oslo|Copenhagen|Helsinki|Dublin|Edinburgh|Lisbon|Madrid|Milan|Rome|Athens|New York|San Francisco|Seattle|Austin|Chicago|Boston|Toronto|Montreal|Sydney|Singapore|Tokyo|Shanghai|Bangalore|Sao Paulo'.split(
    '|',
  );

const SERIES =
  'Devoxx|QCon|KubeCon|dotScale|dotJS|DevFest|JSConf|PyCon|RubyConf|GopherCon|RustConf|Strange Loop|NDC|GOTO|Craft|Voxxed Days|Web Summit|SREcon|Velocity|FOSDEM|MiXiT|BDX I/O|Sunny Tech|Agile Tour|Codemotion|JavaZone|Jfokus|J-Fall|Kotlin Conf|React Summit|Vue.js Amsterdam|ng-conf|CSSconf|Monitorama|DevOpsDays|HashiConf|Lambda World|Scala Days|Clojure/conj|EuroClojure|ElixirConf|Code BEAM|LambdaConf|YOW!|Full Stack Fest|Warm Gun|PHP Kongress|Riviera Dev|Snowcamp'.split(
    '|',
  );

const words = (list: string): string[] => list.split(/\s+/).filter(Boolean);

export const commonWords = (): string[] => words(COMMON);
export const techWords = (): string[] => [...new Set(words(TECH))];
export const firstNames = (): string[] => words(FIRST);
export const lastNames = (): string[] => words(LAST);
export const topicNames = (): string[] => [...new Set(TOPICS.split('|'))];
export const cities = (): string[] => CITIES;
export const conferenceSeries = (): string[] => SERIES;

const SYLLABLES = words(
  'ka ri to ne mo la vi su pe do ra li no fa se tu mi ga be zo ki ta re ni po lu da ve si co ma',
);

/**
 * A ranked vocabulary of `size` words: common English words first, the real tech words spread
 * over ranks 20-2000 (so they are frequent but not stop-words), synthetic words for the tail.
 */
export function rankedVocabulary(size: number, seed: number): string[] {
  const random = createRandom(seed);
  const vocabulary = commonWords();
  const seen = new Set(vocabulary);
  const tech = techWords().filter((word) => !seen.has(word));
  for (const word of tech) seen.add(word);
  const synthetic = (): string => {
    let word = '';
    while (word.length < 5 || seen.has(word)) {
      word = Array.from({ length: random.int(2, 4) }, () => random.pick(SYLLABLES)).join('');
    }
    seen.add(word);
    return word;
  };
  const techEvery = Math.max(1, Math.floor((2000 - vocabulary.length) / tech.length));
  let next = 0;
  while (vocabulary.length < size) {
    const techTurn = vocabulary.length >= 20 && vocabulary.length % techEvery === 0 && next < tech.length;
    vocabulary.push(techTurn ? (tech[next++] as string) : synthetic());
  }
  return vocabulary;
}

// The lessons, in the order of the lecture. Each has a short text, a formula shown beside the live
// chart it concerns, a question to answer before pressing start, and the preset it loads. `config`
// is used when the server has no preset of that name, so every lesson runs on any server.

const SPIRALS = { dataset: 'spirals', samples: 1000, noise: 0.1, testFraction: 0.2, arms: 2 };

function deepNet(activation, init, extra = {}) {
  return {
    seed: 42,
    data: SPIRALS,
    network: { depth: 10, width: 32, activation, init, ...extra.network },
    training: { optimizer: 'momentum', learningRate: 0.01, momentum: 0.9, batchSize: 32, epochs: 50, ...extra.training },
  };
}

export const LESSONS = Object.freeze([
  {
    id: 'depth',
    title: 'Why depth?',
    text: 'One hidden layer can in principle fit anything, but it may need a huge number of units. Stacking layers lets each one build on the features of the layer before: strokes, then parts, then digits. This lesson trains two networks side by side on 8×8 images of handwritten digits with about the same number of weights: run A has one hidden layer of 128 units, run B four layers of 48.',
    formula: 'f(x) = f_L(… f_2(f_1(x)));  weights: A 64·128 + 128·10 ≈ 9.5k,  B 64·48 + 3·48·48 + 48·10 ≈ 10.5k',
    chart: 'loss',
    question: 'Which run reaches the lower held-out loss after 30 epochs, the wide one (A) or the deep one (B)? Does either overfit?',
    preset: 'depth-digits',
    config: {
      seed: 42,
      data: { dataset: 'digits' },
      network: { depth: 1, width: 128, activation: 'relu', init: { kind: 'he-normal' } },
      training: { optimizer: 'adam', learningRate: 0.001, batchSize: 32, epochs: 30 },
    },
    compareWith: { network: { depth: 4, width: 48 } },
  },
  {
    id: 'vanishing',
    title: 'Vanishing gradients in a deep sigmoid net',
    text: 'Ten sigmoid layers with weights drawn from N(0, 1). Backpropagation multiplies the signal by σ′(z)·W at every layer on its way to the input, and σ′ is at most 1/4, far less for a saturated unit. The chart opens on ‖∂L/∂W‖: at initialization (epoch 0) it shrinks layer by layer from the output toward the input. The big number is the first layer\'s share of the last layer\'s, now and at initialization; watch how training changes it, and compare with ∂L/∂a.',
    formula: '∂L/∂a_(l−1) = W_lᵀ (σ′(z_l) ⊙ ∂L/∂a_l),  σ′(z) ≤ 1/4',
    chart: 'gradient',
    question: 'At initialization, which layer gets the smallest weight gradient, and how many times smaller than the output layer\'s is it: 2, 100 or a million?',
    quantity: 'weightGradientNorm',
    preset: 'deep-sigmoid-normal',
    config: deepNet('sigmoid', { kind: 'normal', sigma: 1 }),
  },
  {
    id: 'sigmoid-derivative',
    title: 'The sigmoid derivative',
    text: 'σ′(z) = σ(z)(1 − σ(z)) peaks at 1/4 at z = 0 and decays like e^−|z|. With N(0, 1) weights, a hidden layer fed by 32 sigmoid units has Var(z) = 32 · E[a²], and outputs between 0 and 1 make E[a²] roughly 0.3, so z has a standard deviation near 3 and many units sit where σ′ is small: they are saturated. Try the explorer, then look at the saturated fraction per layer.',
    formula: 'σ′(z) = σ(z)(1 − σ(z)) = e^−z / (1 + e^−z)²',
    chart: 'fractions',
    widget: 'sigmoid',
    question: 'What is σ′(10)? Guess the order of magnitude before you type it in.',
    preset: 'deep-sigmoid-normal',
    config: deepNet('sigmoid', { kind: 'normal', sigma: 1 }),
  },
  {
    id: 'xavier',
    title: 'Xavier initialization',
    text: 'Glorot and Bengio chose the weight variance so that the variance of activations is kept on the way forward and the variance of gradients on the way back: the compromise is 2 / (n_in + n_out). Their derivation assumes the activation has slope 1 near zero. Run A is the same ten sigmoid layers with Xavier weights: fewer units saturate, but sigmoid\'s slope of at most 1/4 shrinks the gradient about fourfold per layer. Run B changes only the activation to tanh, whose slope near zero is 1, and the gradient reaches the first layer.',
    formula: 'Var(W) = 2 / (n_in + n_out)',
    chart: 'gradient',
    widget: 'xavier',
    question: 'Both runs use Xavier weights. After the first epoch, how many orders of magnitude apart will their first-to-last ratios of ‖∂L/∂W‖ be: none, two, or five?',
    quantity: 'weightGradientNorm',
    preset: 'deep-sigmoid-xavier',
    compareWith: { network: { activation: 'tanh' } },
    config: deepNet('sigmoid', { kind: 'glorot-normal' }),
  },
  {
    id: 'relu',
    title: 'ReLU and He initialization',
    text: 'ReLU passes a gradient of exactly 1 for positive inputs, so the backward signal does not shrink from the activation itself. It zeroes half of a symmetric input, which halves the variance at each layer; He initialization doubles the weight variance to make up for it.',
    formula: 'Var(W) = 2 / n_in,  relu′(z) = 1 for z > 0, else 0',
    chart: 'gradient',
    question: 'Will the first-to-last ratio of ‖∂L/∂a‖ stay within one order of magnitude of 1?',
    preset: 'relu-he',
    config: deepNet('relu', { kind: 'he-normal' }),
  },
  {
    id: 'dying-relu',
    title: 'Dying ReLU',
    text: 'A ReLU unit whose pre-activation is negative for every input outputs 0 and gets a zero gradient: it can never recover. A learning rate ten times too high pushes units there with a few large updates. The dead fraction chart counts, per layer, the units that output 0 for the whole evaluation batch.',
    formula: 'z < 0 for all x  ⇒  ∂L/∂W = 0 forever',
    chart: 'fractions',
    question: 'With the learning rate at 0.1 instead of 0.01, which layers lose most of their units, the first or the last?',
    preset: 'dying-relu',
    config: deepNet('relu', { kind: 'he-normal' }, { training: { optimizer: 'momentum', momentum: 0.9, learningRate: 0.1 } }),
  },
  {
    id: 'exploding',
    title: 'Exploding gradients',
    text: 'The same product of Jacobians that shrinks the signal can grow it: with weights too large, each layer multiplies the gradient by more than 1. Ten ReLU layers of 32 units with weights from N(0, 0.4²) multiply the activation variance by about 32 · 0.16 / 2 = 2.56 per layer, and the first layers\' gradients start far larger than with He initialization. With σ = 0.5 the run diverges within a few steps: try it.',
    formula: 'Var(z_l) = n_in · Var(W) · Var(z_(l−1)) / 2  for ReLU',
    chart: 'gradient',
    question: 'Across ten layers, how much does 2.56 per layer multiply the variance? Will the loss survive σ = 0.5?',
    preset: 'exploding-init',
    config: deepNet('relu', { kind: 'normal', sigma: 0.4 }),
  },
  {
    id: 'small-init',
    title: 'Too small an initialization',
    text: 'The opposite mistake: ten tanh layers with weights from N(0, 0.01²). Each layer multiplies the activation variance by about 32 · 0.0001 = 0.0032, so the signal shrinks towards zero on the way forward, and the gradient shrinks on the way back. Compare ∂L/∂a with ∂L/∂W and the update ratio: one quantity alone can mislead.',
    formula: 'Var(a_l) ≈ n_in · Var(W) · Var(a_(l−1))  for tanh near 0',
    chart: 'variance',
    question: 'By layer 9, how many orders of magnitude smaller is the activation variance than in layer 0?',
    preset: 'tanh-small-init',
    config: deepNet('tanh', { kind: 'normal', sigma: 0.01 }),
  },
  {
    id: 'remedies',
    title: 'Remedies: He, SELU, batch normalization, clipping',
    text: 'Each remedy attacks the product differently. He and LeCun initialization set the scale right at the start; SELU with LeCun weights keeps activations near zero mean and unit variance by itself; batch normalization rescales every layer on every batch; clipping caps the update so one bad batch cannot blow up the weights. This preset adds batch normalization to the deep sigmoid net of the second lesson.',
    formula: 'BN(z) = γ (z − μ_B) / √(σ²_B + ε) + β;  clip: g ← g · min(1, c / ‖g‖)',
    chart: 'gradient',
    question: 'Does batch normalization alone bring the first layer\'s ‖∂L/∂a‖ within two orders of magnitude of the last?',
    preset: 'batchnorm-sigmoid',
    config: deepNet('sigmoid', { kind: 'normal', sigma: 1 }, { network: { batchNorm: true } }),
  },
  {
    id: 'selu',
    title: 'SELU: self-normalizing networks',
    text: 'SELU scales an ELU so that, with LeCun weights (variance 1 / n_in), a layer maps activations of mean 0 and variance 1 to mean 0 and variance 1. Deviations shrink from layer to layer, so the network normalizes itself without batch normalization.',
    formula: 'selu(z) = λ·z for z > 0, λ·α·(e^z − 1) otherwise;  λ ≈ 1.0507, α ≈ 1.6733',
    chart: 'variance',
    question: 'Will the measured activation variance of every layer end up near 1?',
    preset: 'selu-lecun',
    config: deepNet('selu', { kind: 'lecun-normal' }),
  },
].map((lesson) => Object.freeze(lesson)));

export function findLesson(id) {
  return LESSONS.find((lesson) => lesson.id === id) || null;
}

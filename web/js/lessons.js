// The lessons, in the order of the lecture. Each has a short text, a formula shown beside the live
// chart it concerns, a question to answer before pressing start, and the preset it loads. `config`
// is used when the server has no preset of that name, so every lesson runs on any server.

const SPIRALS = { dataset: 'spirals', samples: 1000, noise: 0.1, testFraction: 0.2, arms: 2 };

function deepNet(activation, init, extra = {}) {
  return {
    seed: 42,
    data: SPIRALS,
    network: { depth: 10, width: 32, activation, init, ...extra.network },
    training: { optimizer: 'sgd', learningRate: 0.1, batchSize: 32, epochs: 30, ...extra.training },
  };
}

export const LESSONS = Object.freeze([
  {
    id: 'depth',
    title: 'Why depth?',
    text: 'One hidden layer can in principle fit anything, but it may need a huge number of units. Stacking layers lets each one build on the features of the layer before: edges, then strokes, then digits. Here a deeper network separates two interleaved spirals that a shallow one of similar size struggles with.',
    formula: 'f(x) = f_L(… f_2(f_1(x)))',
    chart: 'loss',
    question: 'With the same number of weights, will three layers of 32 reach a lower held-out loss than one layer of 96?',
    preset: 'depth-spirals',
    config: deepNet('relu', { kind: 'he-normal' }, { network: { depth: 3 } }),
  },
  {
    id: 'vanishing',
    title: 'Vanishing gradients in a deep sigmoid net',
    text: 'Ten sigmoid layers with weights drawn from N(0, 1). Backpropagation multiplies the signal by σ′(z)·W at every layer on its way to the input, and σ′ is at most 1/4. Watch the gradient of the first layer fall many orders of magnitude below the last.',
    formula: '∂L/∂a_(l−1) = W_lᵀ (σ′(z_l) ⊙ ∂L/∂a_l),  σ′(z) ≤ 1/4',
    chart: 'gradient',
    question: 'After ten epochs, how many orders of magnitude smaller is ‖∂L/∂a‖ in layer 0 than in the output layer?',
    preset: 'deep-sigmoid-normal',
    config: deepNet('sigmoid', { kind: 'normal', sigma: 1 }, { training: { epochs: 10 } }),
  },
  {
    id: 'sigmoid-derivative',
    title: 'The sigmoid derivative',
    text: 'σ′(z) = σ(z)(1 − σ(z)) peaks at 1/4 at z = 0 and decays like e^−|z|. With N(0, 1) weights and 32 inputs, pre-activations have a standard deviation near √32 ≈ 5.7, so many units sit where σ′ is tiny: they are saturated. Try the explorer, then look at the saturated fraction per layer.',
    formula: 'σ′(z) = σ(z)(1 − σ(z)) = e^−z / (1 + e^−z)²',
    chart: 'fractions',
    widget: 'sigmoid',
    question: 'What is σ′(10)? Guess the order of magnitude before you type it in.',
    preset: 'deep-sigmoid-normal',
    config: deepNet('sigmoid', { kind: 'normal', sigma: 1 }, { training: { epochs: 10 } }),
  },
  {
    id: 'xavier',
    title: 'Xavier initialization',
    text: 'Glorot and Bengio chose the weight variance so that the variance of activations is kept on the way forward and the variance of gradients on the way back: the compromise is 2 / (n_in + n_out). The variance chart compares the measured activation variance per layer with the prediction.',
    formula: 'Var(W) = 2 / (n_in + n_out)',
    chart: 'variance',
    widget: 'xavier',
    question: 'With tanh and Xavier weights, will the activation variance of layer 9 be closer to layer 0\'s than with N(0, 1)?',
    preset: 'deep-tanh-xavier',
    config: deepNet('tanh', { kind: 'glorot-normal' }),
  },
  {
    id: 'relu',
    title: 'ReLU and He initialization',
    text: 'ReLU passes a gradient of exactly 1 for positive inputs, so the backward signal does not shrink from the activation itself. It zeroes half of a symmetric input, which halves the variance at each layer; He initialization doubles the weight variance to make up for it.',
    formula: 'Var(W) = 2 / n_in,  relu′(z) = 1 for z > 0, else 0',
    chart: 'gradient',
    question: 'Will the first-to-last ratio of ‖∂L/∂a‖ stay within one order of magnitude of 1?',
    preset: 'deep-relu-he',
    config: deepNet('relu', { kind: 'he-normal' }),
  },
  {
    id: 'dying-relu',
    title: 'Dying ReLU',
    text: 'A ReLU unit whose pre-activation is negative for every input outputs 0 and gets a zero gradient: it can never recover. A large learning rate or a negative bias pushes units there. The dead fraction chart counts, per layer, the units that output 0 for the whole evaluation batch.',
    formula: 'z < 0 for all x  ⇒  ∂L/∂W = 0 forever',
    chart: 'fractions',
    question: 'With a bias of −1 and a learning rate of 0.5, which layers lose most of their units?',
    preset: 'dying-relu',
    config: deepNet('relu', { kind: 'he-normal', bias: -1 }, { training: { learningRate: 0.5 } }),
  },
  {
    id: 'exploding',
    title: 'Exploding gradients',
    text: 'The same product of Jacobians that shrinks the signal can grow it: with weights too large, each layer multiplies the gradient by more than 1. Twelve ReLU layers with N(0, 1) weights and 32 inputs multiply the variance by about 16 per layer; the run diverges within a few steps.',
    formula: '‖∂L/∂a_0‖ ≈ ∏_l ‖W_l‖ · ‖∂L/∂a_L‖',
    chart: 'gradient',
    question: 'At which step will the loss become NaN: within the first epoch, or later?',
    preset: 'exploding-relu-normal',
    config: deepNet('relu', { kind: 'normal', sigma: 1 }, { network: { depth: 12 } }),
  },
  {
    id: 'remedies',
    title: 'Remedies: He, SELU, batch normalization, clipping',
    text: 'Each remedy attacks the product differently. He and LeCun initialization set the scale right at the start; SELU with LeCun weights keeps activations near zero mean and unit variance by itself; batch normalization rescales every layer on every batch; clipping caps the update so one bad batch cannot blow up the weights. This preset adds batch normalization to the deep sigmoid net of the second lesson.',
    formula: 'BN(z) = γ (z − μ_B) / √(σ²_B + ε) + β;  clip: g ← g · min(1, c / ‖g‖)',
    chart: 'gradient',
    question: 'Does batch normalization alone bring the first layer\'s ‖∂L/∂a‖ within two orders of magnitude of the last?',
    preset: 'deep-sigmoid-batchnorm',
    config: deepNet('sigmoid', { kind: 'normal', sigma: 1 }, { network: { batchNorm: true } }),
  },
].map((lesson) => Object.freeze(lesson)));

export function findLesson(id) {
  return LESSONS.find((lesson) => lesson.id === id) || null;
}

extension TwoTowerNetwork: TrainableNetwork {}

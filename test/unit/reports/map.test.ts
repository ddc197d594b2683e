import { districtMap, NO_VALUE_COLOUR } from '../../../src/reports/map';
import { textColourOn, COLOURS, MAP_CLASSES } from '../../../src/reports/svg';

const square = (x: number): [number, number][][] => [[[x, 50], [x + 0.05, 50], [x + 0.05, 50.05], [x, 50.05], [x, 50]]];

describe('the district map', () => {
  it('when a name sits on a light or a dark fill, then it is written in the colour that contrasts more', () => {
    expect(textColourOn('#f2f2f2')).toBe(COLOURS.text);
    expect(textColourOn(NO_VALUE_COLOUR)).toBe(COLOURS.text);
    expect(textColourOn(MAP_CLASSES[0]!)).toBe(COLOURS.text);
    expect(textColourOn(MAP_CLASSES[4]!)).toBe('#ffffff');
  });

  it('when only one Ortsteil has a grant, then the others keep dark names on their light grey (the names were white on grey)', () => {
    const svg = districtMap({
      id: 'm',
      title: 'Karte',
      desc: 'Beschreibung',
      shapes: [
        { districtId: 'rieth', polygons: [square(11)] },
        { districtId: 'marbach', polygons: [square(11.1)] },
      ],
      areas: [
        { districtId: 'rieth', name: 'Rieth', classIndex: 1, valueLabel: '0,48 €' },
        { districtId: 'marbach', name: 'Marbach', classIndex: 0, valueLabel: 'keine Bewilligung' },
      ],
      legend: [
        { label: 'keine Bewilligung', colour: '#f2f2f2' },
        { label: '0,48 € bis 0,48 €', colour: MAP_CLASSES[4]! },
      ],
    });
    const fillOfName = (name: string) => new RegExp(`fill="([^"]+)" aria-hidden="true"><tspan[^>]*>${name}<`).exec(svg)?.[1];
    expect(fillOfName('Marbach')).toBe(COLOURS.text);
    expect(fillOfName('Rieth')).toBe('#ffffff');
  });

  it('when a long name of two words would shrink below a readable size, then it goes on two lines', () => {
    const svg = districtMap({
      id: 'm',
      title: 'Karte',
      desc: 'Beschreibung',
      shapes: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({ districtId: `d${i}`, polygons: [square(11 + i * 0.05)] })),
      areas: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({ districtId: `d${i}`, name: i === 0 ? 'Bischleben-Stedten' : `Ort ${i}`, classIndex: 0, valueLabel: '–' })),
      legend: [{ label: 'keine Bewilligung', colour: '#f2f2f2' }],
    });
    expect(svg).toMatch(/<tspan x="[\d.]+" y="[\d.]+">Bischleben-<\/tspan><tspan x="[\d.]+" y="[\d.]+">Stedten<\/tspan>/);
    expect(svg).toMatch(/<text [^>]*><tspan x="[\d.]+" y="[\d.]+">Ort 1<\/tspan><\/text>/);
  });
});
